using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Accounts;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Architecture;

/// <summary>
/// The Mediator is the one door of the application layer: every request has exactly one handler, and the access
/// behaviour stands in front of every handler but the public lookup, rating and catalogue.
/// </summary>
public sealed class MediatorTests
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(ICommandHandler<,>), typeof(IQueryHandler<,>),
        typeof(IStreamQueryHandler<,>), typeof(IStreamCommandHandler<,>),
    ];

    private static IEnumerable<Type> Requests() => typeof(CasePipeline).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && !t.IsInterface && typeof(IMessage).IsAssignableFrom(t)
            || typeof(IStreamMessage).IsAssignableFrom(t))
        .Where(t => !t.IsAbstract && !t.IsInterface);

    [Fact]
    public void Every_request_has_exactly_one_handler()
    {
        var handled = typeof(CasePipeline).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()))
            .GroupBy(i => i.GetGenericArguments()[0])
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.NotEmpty(Requests());
        Assert.All(Requests(),
            request => Assert.Equal((request.Name, 1), (request.Name, handled.GetValueOrDefault(request))));
    }

    [Fact]
    public async Task The_access_behaviour_refuses_an_anonymous_caller_for_every_request_but_the_public_ones()
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(StorageProvider.Sqlite),
            new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7)));
        var requests = Requests().ToList();
        var guarded = requests.Where(r => !typeof(IPublicRequest).IsAssignableFrom(r)).ToList();

        foreach (var request in guarded)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = null;
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

            // The behaviour must answer before the handler reads anything, so an empty message is enough.
            var message = RuntimeHelpers.GetUninitializedObject(request);
            if (message is IStreamMessage stream)
            {
                await Assert.ThrowsAsync<UnauthorizedAccessException>(async () =>
                {
                    await foreach (var _ in mediator.CreateStream(stream, TestContext.Current.CancellationToken))
                    {
                    }
                });
                continue;
            }

            var response = await mediator.Send(message, TestContext.Current.CancellationToken);
            Assert.Equal((request.Name, RejectionCodes.Unauthenticated), (request.Name, RejectionOf(response)?.Code));
        }

        Assert.Equal(
            [
                "GetBlankForm", "GetOnlineProcedure", "GetPublicProcedure", "ListPublicProcedures", "LookupCase",
                "RateCase", "SubmitOnline", "SupplementOnline",
            ],
            requests.Except(guarded).Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    private static Rejection? RejectionOf(object? response) => response switch
    {
        CaseResult c => c.Rejections.FirstOrDefault(),
        AccountResult a => a.Rejections.FirstOrDefault(),
        PublishOutcome p => p.Rejection,
        null => null,
        _ => response.GetType().GetProperty("Rejection")?.GetValue(response) as Rejection,
    };
}
