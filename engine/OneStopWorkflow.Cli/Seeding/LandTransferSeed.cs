using OneStopWorkflow.Cli.Workload;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Seeding;

namespace OneStopWorkflow.Cli.Seeding;

/// <summary>
/// Seeded land transfers, decided command by command: most are delivered on time, some late (a few escalated on
/// the way), some withdrawn; recent and never-finished ones are left open.
/// </summary>
internal static class LandTransferSeed
{
    private static readonly Actor Officer = new("seed.officer", [new Membership("HP.VPDKDD.CN1", "land-officer")]);
    private static readonly Actor Leader = new("seed.leader", [new Membership("HP.VPDKDD.CN1", "leader")]);

    public static DecidedCase Decide(LoadedVersion version, SeedPlan plan, int i)
    {
        var receipt = plan.ReceiptOf(i);
        var clerk = new Actor("seed.clerk", [new Membership(receipt.Unit, "clerk")]);
        var trail = new SeedTrail(version);
        trail.Do(receipt.At, new ReceiveCommand(clerk, receipt.Id, receipt.Unit)
        {
            // The contract was signed a few days before it is handed in (a contract dated after the receipt is
            // refused), whatever the day of the year the seed receives it.
            Fields = LandTransferWorkload.Fields.SetItem("contract_date",
                receipt.At.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            Components = LandTransferWorkload.Components,
            Sequence = receipt.Sequence, Secret = receipt.Secret,
        });
        DateTimeOffset Day(decimal working) => plan.Calendar.AddWorkingDays(receipt.At, working);
        var kind = SeedPlan.Kind(i);
        var stillOpen = Day(8) > plan.Now || kind == 99;
        if (kind == 9)
        {
            trail.Do(Day(1), new WithdrawCommand(clerk, "Hai bên hủy hợp đồng"));
        }
        else if (stillOpen)
        {
            // The scanner would have fired what fell due before now: the population starts with no backlog.
            trail.Do(plan.Now, new TickCommand());
        }
        else
        {
            Deliver(trail, clerk, Day, kind);
        }

        return trail.Decided(plan.Now);
    }

    /// <summary>Takes the case to its result; <paramref name="day"/> gives the instant of a working day.</summary>
    private static void Deliver(SeedTrail trail, Actor clerk, Func<decimal, DateTimeOffset> day, int kind)
    {
        var late = kind < 9;
        trail.Do(day(1), new ActCommand(Officer, "send-to-tax"));
        trail.Do(day(2), new ActCommand(Officer, "tax-paid"));
        if (kind is 7 or 8)
        {
            trail.Do(day(7), new TickCommand());
        }

        trail.Do(day(late ? 8 : 3), new ActCommand(Officer, "submit"));
        trail.Do(day(late ? 8.5m : 4), new ActCommand(Leader, "approve"));
        trail.Do(day(late ? 9 : 5), new ActCommand(clerk, "deliver"));
    }
}
