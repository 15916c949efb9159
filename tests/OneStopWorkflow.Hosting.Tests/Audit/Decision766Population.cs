using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Hosting.Writing;
using OneStopWorkflow.Persistence.Cases;

namespace OneStopWorkflow.Hosting.Tests.Audit;

/// <summary>
/// Twelve cases over two wards (Lê Chân L, Hồng An H) and two procedures (land-use transfer T, 8 working days;
/// birth registration B, the same day), received in March 2026, whose Decision 766 indicators are counted by hand in
/// <see cref="Decision766Contract"/>. Both procedures' results are papers. Working hours are 07:00–11:30 and
/// 13:30–17:00 (8 a day); the population is looked at on Friday 20 March 2026 at 10:00.
/// <code>
/// case unit channel  papers  what happens (2026)                                  e-result  rating
/// T1   L    counter  paper   2/3 09:00 in, tax 3/3 09:00–4/3 09:00, out 5/3 09:00   5/3 (later)  5
/// T2   L    online   scans   as T1                                                  5/3      -
/// T3   L    online   scans   2/3 09:00 in, left open (appointment 12/3: overdue)   -        -
/// T4   L    counter  paper   2/3 in; supplement 3/3–4/3 and 5/3–6/3 (restart);
///                            tax 9/3 09:00–10:00; out 10/3 09:00                  -        -
/// T5   H    counter  paper   2/3 in; supplement 3/3–4/3; tax 5/3 09:00–10:00;
///                            out 6/3 09:00                                        -        -
/// T6   H    counter  paper   2/3 in, withdrawn 3/3                                -        -
/// B1   L    online   scans   9/3 08:00 in, out 11:00                              9/3      -
/// B2   L    counter  scans   as B1 (the clerk scanned the papers)                 9/3      -
/// B3   L    counter  paper   9/3 08:00 in, refused at the register 10:00          -        -
/// B4   H    online   scans   as B1                                                9/3      1
/// B5   H    counter  paper   9/3 08:00 in, out 10/3 09:00 (late)                  -        2
/// B6   H    counter  paper   9/3 08:00 in, left open (overdue)                    -        -
/// </code>
/// </summary>
internal static class Decision766Population
{
    public const string Start = "2026-03-02T08:00:00+07:00";

    public const string Now = "2026-03-20T10:00:00+07:00";

    public static readonly AuditFilter Filter = new("HP", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    private static readonly Actor CivilLeChan = new("civil.lechan", [new("HP.LECHAN", "civil-status-officer")]);
    private static readonly Actor LeaderLeChan = new("leader.lechan", [new Membership("HP.LECHAN", "leader")]);
    private static readonly Actor CivilHongAn = new("civil.hongan", [new("HP.HONGAN", "civil-status-officer")]);
    private static readonly Actor LeaderHongAn = new("leader.hongan", [new Membership("HP.HONGAN", "leader")]);

    private static readonly ImmutableDictionary<string, string> Birth = new Dictionary<string, string>
    {
        ["child_name"] = "Nguyễn Minh Khang", ["child_birth_date"] = "2026-03-01", ["child_gender"] = "nam",
        ["birth_place"] = "Bệnh viện Phụ sản Hải Phòng", ["mother_name"] = "Trần Thị Bình",
        ["applicant_name"] = "Nguyễn Văn An", ["applicant_relation"] = "cha",
    }.ToImmutableDictionary();

    private static readonly ImmutableArray<ReceivedComponent> BirthPapers =
        [new("declaration", "original", 1), new("birth-certificate", "original", 1)];

    /// <summary>Seeds the population on <paramref name="app"/>, started at <see cref="Start"/>: its ids.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> SeedAsync(TestApp app)
    {
        var ids = new Dictionary<string, string>();
        var clerks = new Dictionary<string, Actor> { ["L"] = People.ClerkLeChan, ["H"] = People.ClerkHongAn };
        async Task Receive(string name, string unit, string procedure, string channel, bool scans, string at)
        {
            app.Clock.SetUtcNow(StoreContract.At(at));
            var land = procedure == "land-use-transfer";
            var papers = land ? LandTransferFields.Components : BirthPapers;
            var result = await app.SendAsync(clerks[unit],
                new ReceiveCase(procedure, unit == "L" ? "HP.LECHAN" : "HP.HONGAN")
                {
                    Channel = channel, Fields = land ? LandTransferFields.Complete : Birth,
                    Components = scans ? [.. papers.Select(Scanned)] : papers,
                });
            Assert.False(result.IsRejected, $"{name}: {string.Join("; ", result.Rejections)}");
            ids[name] = result.Case!.Id;
        }

        async Task Act(string name, string at, Actor actor, string action, string? reason = null)
        {
            app.Clock.SetUtcNow(StoreContract.At(at));
            var result = await app.SendAsync(actor, new ActOnCase(ids[name], action)
            {
                Input = reason is null ? ImmutableDictionary<string, string>.Empty
                    : ImmutableDictionary<string, string>.Empty.Add("reason", reason),
            });
            Assert.False(result.IsRejected, $"{name} {action}: {string.Join("; ", result.Rejections)}");
        }

        async Task Resubmit(string name, string at, Actor clerk)
        {
            app.Clock.SetUtcNow(StoreContract.At(at));
            var result = await app.SendAsync(clerk, new ResubmitCase(ids[name]));
            Assert.False(result.IsRejected, $"{name} resubmit: {string.Join("; ", result.Rejections)}");
        }

        // What happens, in the order of its time (the clock only moves forward); one list, sorted, then done.
        List<(string At, Func<Task> Do)> timeline = [];
        void On(string at, Func<Task> what) => timeline.Add((at, what));
        void Acts(string name, params (string At, Actor Actor, string Action)[] acts)
        {
            foreach (var (at, actor, action) in acts)
            {
                On(at, () => Act(name, at, actor, action, action is "request-supplement" or "refuse"
                    ? "Bổ sung bản vẽ thửa đất" : null));
            }
        }

        const string Monday = "2026-03-02T09:00:00+07:00";
        foreach (var (name, unit, channel, scans) in new[]
                 {
                     ("T1", "L", "counter", false), ("T2", "L", "online", true), ("T3", "L", "online", true),
                     ("T4", "L", "counter", false), ("T5", "H", "counter", false), ("T6", "H", "counter", false),
                 })
        {
            On(Monday, () => Receive(name, unit, "land-use-transfer", channel, scans, Monday));
        }

        foreach (var name in new[] { "T1", "T2" })
        {
            Acts(name, ("2026-03-03T09:00:00+07:00", People.OfficerCn1, "send-to-tax"),
                ("2026-03-04T09:00:00+07:00", People.OfficerCn1, "tax-paid"),
                ("2026-03-04T10:00:00+07:00", People.OfficerCn1, "submit"),
                ("2026-03-04T11:00:00+07:00", People.LeaderCn1, "approve"),
                ("2026-03-05T09:00:00+07:00", People.ClerkLeChan, "deliver"));
            On("2026-03-05T10:00:00+07:00", () => EResultAsync(app, ids[name], "2026-03-05T10:00:00+07:00"));
        }

        Acts("T4", ("2026-03-03T09:00:00+07:00", People.OfficerCn1, "request-supplement"),
            ("2026-03-05T09:00:00+07:00", People.OfficerCn1, "request-supplement"),
            ("2026-03-09T09:00:00+07:00", People.OfficerCn1, "send-to-tax"),
            ("2026-03-09T10:00:00+07:00", People.OfficerCn1, "tax-paid"),
            ("2026-03-09T11:00:00+07:00", People.OfficerCn1, "submit"),
            ("2026-03-09T14:00:00+07:00", People.LeaderCn1, "approve"),
            ("2026-03-10T09:00:00+07:00", People.ClerkLeChan, "deliver"));
        On("2026-03-04T09:00:00+07:00", () => Resubmit("T4", "2026-03-04T09:00:00+07:00", People.ClerkLeChan));
        On("2026-03-06T09:00:00+07:00", () => Resubmit("T4", "2026-03-06T09:00:00+07:00", People.ClerkLeChan));

        Acts("T5", ("2026-03-03T09:00:00+07:00", People.OfficerCn1, "request-supplement"),
            ("2026-03-05T09:00:00+07:00", People.OfficerCn1, "send-to-tax"),
            ("2026-03-05T10:00:00+07:00", People.OfficerCn1, "tax-paid"),
            ("2026-03-05T11:00:00+07:00", People.OfficerCn1, "submit"),
            ("2026-03-05T14:00:00+07:00", People.LeaderCn1, "approve"),
            ("2026-03-06T09:00:00+07:00", People.ClerkHongAn, "deliver"));
        On("2026-03-04T09:00:00+07:00", () => Resubmit("T5", "2026-03-04T09:00:00+07:00", People.ClerkHongAn));
        On("2026-03-03T09:00:00+07:00", async () =>
        {
            app.Clock.SetUtcNow(StoreContract.At("2026-03-03T09:00:00+07:00"));
            var withdrawn = await app.SendAsync(
                People.ClerkHongAn, new WithdrawCase(ids["T6"], "Hai bên hủy hợp đồng"));
            Assert.False(withdrawn.IsRejected, string.Join("; ", withdrawn.Rejections));
        });

        const string Birthday = "2026-03-09T08:00:00+07:00";
        foreach (var (name, unit, channel, scans) in new[]
                 {
                     ("B1", "L", "online", true), ("B2", "L", "counter", true), ("B3", "L", "counter", false),
                     ("B4", "H", "online", true), ("B5", "H", "counter", false), ("B6", "H", "counter", false),
                 })
        {
            On(Birthday, () => Receive(name, unit, "birth-registration", channel, scans, Birthday));
        }

        foreach (var (name, unit) in new[] { ("B1", "L"), ("B2", "L"), ("B4", "H") })
        {
            var (civil, leader) = unit == "L" ? (CivilLeChan, LeaderLeChan) : (CivilHongAn, LeaderHongAn);
            Acts(name, ("2026-03-09T09:00:00+07:00", civil, "submit"), ("2026-03-09T10:00:00+07:00", leader, "approve"),
                ("2026-03-09T11:00:00+07:00", clerks[unit], "deliver"));
            On("2026-03-09T11:30:00+07:00", () => EResultAsync(app, ids[name], "2026-03-09T11:30:00+07:00"));
        }

        Acts("B3", ("2026-03-09T10:00:00+07:00", CivilLeChan, "refuse"));
        Acts("B5", ("2026-03-09T16:00:00+07:00", CivilHongAn, "submit"),
            ("2026-03-10T08:00:00+07:00", LeaderHongAn, "approve"),
            ("2026-03-10T09:00:00+07:00", People.ClerkHongAn, "deliver"));

        foreach (var (at, what) in timeline.OrderBy(t => StoreContract.At(t.At)))
        {
            await what();
        }

        app.Clock.SetUtcNow(StoreContract.At("2026-03-12T10:00:00+07:00"));
        foreach (var (name, score) in new[] { ("T1", 5), ("B4", 1), ("B5", 2) })
        {
            await using var db = app.Db();
            var row = await db.Cases.SingleAsync(c => c.Id == ids[name], TestContext.Current.CancellationToken);
            var secret = await app.SecretOnReceiptAsync(row.Id);
            var rated = await app.AsAsync(null,
                m => m.Send(new RateCase(row.DossierCode, secret, score, null) { Client = name }));
            Assert.Null(rated.Rejection);
        }

        app.Clock.SetUtcNow(StoreContract.At(Now));
        return ids;
    }

    /// <summary>A paper with one scanned page, as an upload or a counter scan records it.</summary>
    private static ReceivedComponent Scanned(ReceivedComponent paper) => paper with
    {
        Scans = [new ScanReference($"scan-{paper.Component}", $"{paper.Component}.pdf", "application/pdf", 1024,
            new string('a', 64))],
    };

    /// <summary>
    /// Appends an electronic result to a finished case through the case writer, as a background service does: the
    /// figures are kept with that save like any other.
    /// </summary>
    public static async Task EResultAsync(TestApp app, string caseId, string at)
    {
        app.Clock.SetUtcNow(StoreContract.At(at));
        var writer = app.Services.GetRequiredService<CaseWriter>();
        var catalog = app.Services.GetRequiredService<ProcedureCatalog>();
        await writer.WriteAsync(caseId, async (session, token) =>
        {
            var stored = (await session.FindAsync(caseId, token))!;
            var version = await catalog.VersionOfAsync(session.Db, stored.Row, token);
            var issued = new EResultIssued(StoreContract.At(at), new EventActor("system", "system", stored.Row
                .ReceivingUnit), "result-notice", $"e-results/{caseId}.pdf", 2048, new string('b', 64));
            var state = stored.State.Apply(issued);
            return new Written<int>(0, new CaseSave(stored, state, [issued], stored.Row.NextDueAt, [], "e-results",
                version.Calendar) { Procedure = version.Procedure }) { Documents = () => [] };
        }, TestContext.Current.CancellationToken);
    }
}
