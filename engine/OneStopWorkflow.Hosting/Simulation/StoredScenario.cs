using System.Collections.Immutable;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Hosting.Simulation;

/// <summary>
/// Runs a scenario through the application layer into the configured database, command by command on the
/// scenario's clock (each command as its own scope and actor, like a web request), and reports it from what was
/// stored, so the report proves the store round trip. The setClock callback moves the app's TimeProvider.
/// </summary>
public static class StoredScenario
{
    public static async Task<string> RunAsync(
        IServiceProvider services, Action<DateTimeOffset> setClock, ProcedureDefinition procedure, Scenario scenario,
        CancellationToken cancellationToken)
    {
        string? caseId = null;
        var rejections = new List<ScenarioRejection>();
        foreach (var (at, command) in scenario.Steps)
        {
            setClock(at);
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = command.Actor;
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            ImmutableArray<Rejection> reasons;
            if (command is ReceiveCommand receive)
            {
                var result = await mediator.Send(new ReceiveCase(procedure.Code.Value, receive.Unit)
                {
                    Version = procedure.Version, Channel = receive.Channel, Fields = receive.Fields,
                    IntakeAction = receive.IntakeAction, Input = receive.Input, FirstSequence = receive.Sequence,
                    Components = receive.Components,
                }, cancellationToken);
                caseId ??= result.Case?.Id;
                reasons = result.Rejections;
            }
            else if (caseId is null)
            {
                reasons = [Rejection.Of(RejectionCodes.CaseMissing)];
            }
            else if (command is TickCommand)
            {
                reasons = (await scope.ServiceProvider.GetRequiredService<CasePipeline>()
                    .TickAsync(caseId, "simulate", cancellationToken)).Rejections;
            }
            else
            {
                reasons = (await mediator.Send(Request(caseId, command), cancellationToken)).Rejections;
            }

            if (!reasons.IsEmpty)
            {
                rejections.Add(new ScenarioRejection(at, command.Name, reasons));
            }
        }

        await using var report = services.CreateAsyncScope();
        var db = report.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var events = (await db.Events.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence)
                .Select(e => new { e.Type, e.Payload }).ToListAsync(cancellationToken))
            .Select(e => EventSerializer.Deserialize(e.Type, e.Payload)).ToList();
        var state = events.Count == 0 ? null : CaseState.Replay(events);
        var version = await report.ServiceProvider.GetRequiredService<ProcedureCatalog>()
            .VersionOfAsync(db, procedure.Code.Value, procedure.Version, cancellationToken);
        return ScenarioRunner.Report(version.At(scenario.Until), state, events, rejections);
    }

    private static ICaseRequest Request(string caseId, CaseCommand command) => command switch
    {
        ActCommand a => new ActOnCase(caseId, a.Action) { Step = a.Step?.Value, Input = a.Input },
        ResubmitCommand r => new ResubmitCase(caseId) { Components = r.Components, Fields = r.Fields },
        HandUpCommand h => new HandUpCase(caseId, h.To, h.Reason) { Step = h.Step?.Value },
        ReassignCommand r => new ReassignCase(caseId, r.To, r.Reason) { Step = r.Step?.Value },
        RescheduleCommand r => new RescheduleCase(caseId, r.NewAppointment, r.Reason),
        WithdrawCommand w => new WithdrawCase(caseId, w.Reason),
        _ => throw new ArgumentException($"No application command for '{command.Name}'.", nameof(command)),
    };
}
