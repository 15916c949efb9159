using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Engine.Tests.Runtime;

/// <summary>The real land-use-transfer v1 and the people who work it, for runtime tests.</summary>
internal static class LandTransfer
{
    private static readonly Lazy<LoadResult> Loaded = new(() => ProcedureLoader.Load(
        Catalog.ReadVersion(Repository.PathOf("procedures", "land-use-transfer", "v1"), "land-use-transfer/v1/procedure.json"),
        Catalog.Context(new DateOnly(2026, 6, 1))));

    public static ProcedureDefinition Procedure => Loaded.Value.Procedure!;

    public static string Hash => Loaded.Value.Sha256!;

    public static readonly Actor Clerk = new("clerk.lechan", [new Membership("HP.LECHAN", "clerk")]);
    public static readonly Actor Officer = new("officer.cn1", [new Membership("HP.VPDKDD.CN1", "land-officer")]);
    public static readonly Actor OtherClerk = new("clerk.hongan", [new Membership("HP.HONGAN", "clerk")]);
    public static readonly Actor Leader = new("leader.cn1", [new Membership("HP.VPDKDD.CN1", "leader")]);

    public static readonly ImmutableDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["applicant_name"] = "Nguyễn Văn An", ["applicant_id_number"] = "031080001234",
        ["applicant_address"] = "12 Tô Hiệu, Lê Chân", ["applicant_kind"] = "individual", ["transferee_name"] = "Trần Thị Bình",
        ["parcel_number"] = "215", ["map_sheet"] = "18", ["area_m2"] = "84.5", ["certificate_number"] = "CS 012345",
        ["contract_date"] = "2026-02-27",
    }.ToImmutableDictionary();

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static DecisionContext Context(string now, ProcedureDefinition? procedure = null, string? hash = null) =>
        new(procedure ?? Procedure, hash ?? Hash, Catalog.Calendar, Catalog.Units, At(now));

    public static Decision Decide(CaseState? state, string now, CaseCommand command) =>
        Workflow.Decide(Context(now), state, command);

    public static (CaseState State, List<CaseEvent> Events) Received(string now)
    {
        var decision = Decide(null, now, new ReceiveCommand(Clerk, new CaseId("c1"), "HP.LECHAN") { Fields = Fields, Sequence = 7 });
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
