using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Engine.Tests.Runtime;

/// <summary>The real land-use-transfer v1 and the people who work it, for runtime tests.</summary>
internal static class LandTransfer
{
    private static readonly Lazy<LoadResult> Loaded = new(() => ProcedureLoader.Load(
        Catalog.ReadVersion(
            Repository.PathOf("procedures", "land-use-transfer", "v1"), "land-use-transfer/v1/procedure.json"),
        Catalog.Context(new DateOnly(2026, 6, 1))));

    public static ProcedureDefinition Procedure => Loaded.Value.Procedure!;

    public static string Hash => Loaded.Value.Sha256!;

    public static readonly Actor Clerk = People.ClerkLeChan;
    public static readonly Actor Officer = People.OfficerCn1;
    public static readonly Actor OtherClerk = People.ClerkHongAn;
    public static readonly Actor Leader = People.LeaderCn1;

    public static readonly ImmutableDictionary<string, string> Fields = LandTransferFields.Complete;

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static DecisionContext Context(string now, ProcedureDefinition? procedure = null, string? hash = null) =>
        new(procedure ?? Procedure, hash ?? Hash, Catalog.Calendar, Catalog.Units, At(now));

    public static Decision Decide(CaseState? state, string now, CaseCommand command) =>
        Workflow.Decide(Context(now), state, command);

    public static (CaseState State, List<CaseEvent> Events) Received(string now)
    {
        var decision = Decide(null, now,
            new ReceiveCommand(Clerk, new CaseId("c1"), "HP.LECHAN") {
                Fields = Fields, Sequence = 7, Components = LandTransferFields.Components,
            });
        Assert.False(decision.IsRejected, string.Join("; ", decision.Rejections));
        return (decision.State!, [.. decision.Events]);
    }

    public static CaseState Then(this (CaseState State, List<CaseEvent> Events) run, string now, CaseCommand command)
    {
        var decision = Decide(run.State, now, command);
        Assert.False(decision.IsRejected, string.Join("; ", decision.Rejections));
        run.Events.AddRange(decision.Events);
        return decision.State!;
    }
}
