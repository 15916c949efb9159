using Mediator;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Cli.Composition;

/// <summary>A scope of the application layer in which one person acts, as each request of the web app is.</summary>
internal sealed class ActingScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private ActingScope(AsyncServiceScope scope) => _scope = scope;

    public IMediator Mediator => _scope.ServiceProvider.GetRequiredService<IMediator>();

    public static ActingScope Open(IServiceProvider services, Actor actor)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = actor;
        return new ActingScope(scope);
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
