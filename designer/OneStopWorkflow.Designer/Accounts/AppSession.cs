using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Designer.Accounts;

/// <summary>
/// How pages talk to the application layer: each call runs in its own scope (its own DbContext) as the signed-in
/// user, so a long-lived circuit never shares a context between operations and handlers always see who acts.
/// </summary>
public sealed class AppSession(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public async Task<Actor?> ActorAsync() =>
        ActorClaims.ToActor((await authentication.GetAuthenticationStateAsync()).User);

    public async Task<TResponse> SendAsync<TResponse>(
        ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        await using var scope = await ScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
    }

    public async Task<TResponse> SendAsync<TResponse>(
        IQuery<TResponse> query, CancellationToken cancellationToken = default)
    {
        await using var scope = await ScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query, cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> in a fresh scope as the signed-in user.</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = await ScopeAsync();
        return await work(scope.ServiceProvider);
    }

    private async Task<AsyncServiceScope> ScopeAsync()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = await ActorAsync();
        return scope;
    }
}
