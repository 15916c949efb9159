using System.Globalization;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests;

/// <summary>
/// What the store contracts share. Each contract is an abstract class holding the facts of one concern, run against
/// a real database once per provider by a one-line SQLite and a one-line PostgreSQL subclass.
/// </summary>
public abstract class StoreContract(StorageProvider provider)
{
    internal static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>The application over a fresh database of the provider, its clock at <paramref name="now"/>.</summary>
    private protected async Task<TestApp> StartAsync(string now) =>
        await TestApp.StartAsync(await TestApp.DatabaseAsync(provider), At(now));

    /// <summary>
    /// Makes <paramref name="call"/> as <paramref name="actor"/> to the application over an empty database of the
    /// provider, one that was never migrated.
    /// </summary>
    private protected async Task<TResponse> AsOnEmptyDatabaseAsync<TResponse>(
        Actor actor, Func<IMediator, ValueTask<TResponse>> call)
    {
        await using var database = await TestApp.DatabaseAsync(provider);
        await using var services = TestApp.Build(database, TimeProvider.System);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = actor;
        return await call(scope.ServiceProvider.GetRequiredService<IMediator>());
    }
}
