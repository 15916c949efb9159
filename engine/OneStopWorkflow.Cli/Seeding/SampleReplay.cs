using System.Collections.Immutable;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Seeding;

namespace OneStopWorkflow.Cli.Seeding;

/// <summary>
/// A procedure seeded from one of its sample scenarios: the sample's commands, moved to each case's unit and time.
/// <see cref="Hours"/> are the working hours from the sample's receipt to each of its steps, and <see cref="Unit"/>
/// the unit the sample receives at.
/// </summary>
internal sealed record SampleReplay(
    LoadedVersion Version, ImmutableArray<ScenarioStep> Steps, ImmutableArray<decimal> Hours, string Unit)
{
    public static async Task<SampleReplay> LoadAsync(
        CasePipeline pipeline, string root, string code, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var version = await pipeline.VersionOfAsync(code, 1, cancellationToken);
        var path = Path.Combine(root, code, "v1", "samples", name + ".json");
        var parsed = ScenarioRunner.Parse(await File.ReadAllTextAsync(path, cancellationToken), path);
        var steps = parsed.Scenario?.Steps ?? throw new InvalidOperationException(
            $"A shipped sample does not read: {string.Join("; ", parsed.Diagnostics)}");
        var start = steps[0].At;
        return new SampleReplay(version, steps,
            [.. steps.Select(s => (decimal)version.Calendar.WorkingTimeBetween(start, s.At).TotalHours)],
            ((ReceiveCommand)steps[0].Command).Unit);
    }

    /// <summary>
    /// Replays the sample for case <paramref name="i"/>: the same commands after the same working time from the
    /// receipt, by the people of the case's commune. Late cases finish two working hours past their appointment after
    /// the scanner fired what fell due; recent and never-finished cases are left open.
    /// </summary>
    public DecidedCase Replay(SeedPlan plan, int i)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var receipt = plan.ReceiptOf(i);
        var trail = new SeedTrail(Version);
        var receive = (ReceiveCommand)Steps[0].Command;
        trail.Do(receipt.At, receive with
        {
            Actor = Local(receive.Actor, receipt.Unit), Id = receipt.Id, Unit = receipt.Unit,
            Sequence = receipt.Sequence, Secret = receipt.Secret,

            // Seeded cases bypass the store's book, so they stand in none rather than at the scenario's number.
            Book = null,
        });
        var kind = SeedPlan.Kind(i);
        var last = plan.Calendar.AddWorkingHours(receipt.At, Hours[^1]);
        if (trail.State is null || last > plan.Now || kind == 99)
        {
            if (trail.State is null)
            {
                throw new InvalidOperationException($"Sample receipt of {Version.Procedure.Code} was refused.");
            }

            trail.Do(plan.Now, new TickCommand());
        }
        else if (kind == 9)
        {
            trail.Do(plan.Calendar.AddWorkingHours(receipt.At, 1),
                new WithdrawCommand(Local(receive.Actor, receipt.Unit), "Người nộp rút hồ sơ"));
        }
        else
        {
            Finish(trail, plan.Calendar, receipt, kind);
        }

        return trail.Decided(plan.Now);
    }

    /// <summary>The sample's remaining commands, each after its working time from the receipt.</summary>
    private void Finish(SeedTrail trail, WorkingCalendar calendar, SeedPlan.Receipt receipt, int kind)
    {
        for (var k = 1; k < Steps.Length; k++)
        {
            var at = calendar.AddWorkingHours(receipt.At, Hours[k]);
            if (kind < 7 && k == Steps.Length - 1 && trail.State!.Appointment is { } appointment)
            {
                trail.Do(calendar.AddWorkingHours(appointment, 1), new TickCommand());
                at = calendar.AddWorkingHours(appointment, 2);
            }

            var command = Steps[k].Command;
            trail.Do(at, command is TickCommand
                ? command
                : command with { Actor = Local(command.Actor, receipt.Unit) });
        }
    }

    /// <summary>The sample's person, moved to <paramref name="unit"/> from the unit the sample receives at.</summary>
    private Actor Local(Actor actor, string unit) =>
        actor with { Memberships = [.. actor.Memberships.Select(m => m.Unit == Unit ? m with { Unit = unit } : m)] };
}
