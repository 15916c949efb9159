using System.Collections.Immutable;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Cli.Workload;

/// <summary>
/// The land transfer workload: the dossier every case of <c>onestop bench</c> and <c>onestop seed</c> is received
/// with, and the steps and people that take each bench case to its result.
/// </summary>
internal static class LandTransferWorkload
{
    public static readonly ImmutableDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["applicant_name"] = "Nguyễn Văn An", ["applicant_id_number"] = "031080001234",
        ["applicant_address"] = "12 Tô Hiệu", ["applicant_phone"] = "0912345678", ["applicant_kind"] = "individual",
        ["transferee_name"] = "Trần Thị Bình", ["parcel_number"] = "215", ["map_sheet"] = "18",
        ["area_m2"] = "84.5", ["certificate_number"] = "CS 012345", ["contract_date"] = "2026-02-27",
    }.ToImmutableDictionary();

    /// <summary>The papers every case hands in: the three the procedure requires, each an original.</summary>
    public static readonly ImmutableArray<ReceivedComponent> Components =
        [new("form-18", "original", 1), new("certificate", "original", 1), new("contract", "original", 1)];

    /// <summary>
    /// The steps of bench case <paramref name="i"/>: who acts, and what; every tenth case goes once through the
    /// supplement loop.
    /// </summary>
    public static IEnumerable<(string Role, string Action)> Steps(int i) =>
        (i % 10 == 0 ? new[] { ("land-officer", "request-supplement"), ("clerk", "resubmit") } : [])
            .Concat([
                ("land-officer", "send-to-tax"), ("land-officer", "tax-paid"), ("land-officer", "submit"),
                ("leader", "approve"), ("clerk", "deliver"),
            ]);

    public static ImmutableDictionary<string, string> Input(string action) => action == "request-supplement"
        ? ImmutableDictionary<string, string>.Empty.Add("reason", "Thiếu văn bản đồng ý")
        : ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// The commands of bench case <paramref name="i"/> decided by the engine alone (no store): its receipt, with the
    /// number and book entry its commune's clerk would give it, then its steps.
    /// </summary>
    public static IEnumerable<CaseCommand> Commands(int i, string[] communes, string caseId)
    {
        ArgumentNullException.ThrowIfNull(communes);
        var commune = communes[i % communes.Length];
        var number = (i / communes.Length) + 1;
        yield return new ReceiveCommand(ActorFor("clerk", commune), new CaseId(caseId), commune)
        {
            Fields = Fields, Components = Components, Sequence = number, Secret = "00000000",
            Book = new TrackingBookEntry(1, number),
        };
        foreach (var (role, action) in Steps(i))
        {
            var actor = ActorFor(role, commune);
            yield return action == "resubmit"
                ? new ResubmitCommand(actor)
                : new ActCommand(actor, action) { Input = Input(action) };
        }
    }

    /// <summary>Who acts as <paramref name="role"/> on a case received at <paramref name="commune"/>.</summary>
    public static Actor ActorFor(string role, string commune) => role switch
    {
        "clerk" => new Actor("bench.clerk", [new Membership(commune, "clerk")]),
        "leader" => new Actor("bench.leader", [new Membership("HP.VPDKDD.CN1", "leader")]),
        _ => new Actor("bench.officer", [new Membership("HP.VPDKDD.CN1", "land-officer")]),
    };
}
