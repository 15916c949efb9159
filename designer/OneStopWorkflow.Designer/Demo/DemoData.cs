using System.Collections.Immutable;
using Mediator;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Accounts;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Reception;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Hosting.Simulation;

namespace OneStopWorkflow.Designer.Demo;

/// <summary>
/// Development only: demo users for every role, listed on the sign-in page, and a few sample cases, so a fresh
/// clone shows a working centre. Runs once: nothing is added when the users exist. Everything goes through the
/// application's requests, the users as an admin would add them and the cases as the clerk would receive them.
/// </summary>
public sealed partial class DemoData(IServiceScopeFactory scopes, ILogger<DemoData> logger)
{
    public const string Password = "Demo@2026";

    /// <summary>How many citizens wait at Lê Chân when the demo starts.</summary>
    public const int WaitingTickets = 3;

    /// <summary>User name, full name, and memberships (unit, role, position as papers print it).</summary>
    public static readonly
        IReadOnlyList<(string User, string Name, (string Unit, string Role, string Position)[] Memberships)> Users =
    [
        ("admin", "Quản trị hệ thống", [("HP", Roles.Admin, "Quản trị hệ thống")]),
        ("policy", "Đoàn Thị Thu", [("HP", Roles.Policy, "Chuyên viên Sở Nội vụ")]),
        ("clerk.lechan", "Nguyễn Thị Lan", [("HP.LECHAN", Roles.Clerk, "Công chức Bộ phận Một cửa")]),
        ("officer.lechan", "Phạm Văn Hùng",
            [("HP.LECHAN", "civil-status-officer", "Công chức Tư pháp - Hộ tịch"),
                ("HP.LECHAN", "business-registrar", "Công chức Văn phòng - Thống kê")]),
        ("leader.lechan", "Trần Quốc Bảo", [("HP.LECHAN", Roles.Leader, "Chủ tịch UBND phường Lê Chân")]),
        ("clerk.hongan", "Lê Thu Hà", [("HP.HONGAN", Roles.Clerk, "Công chức Bộ phận Một cửa")]),
        ("officer.cn1", "Đỗ Minh Tuấn", [("HP.VPDKDD.CN1", "land-officer", "Viên chức Chi nhánh số 1")]),
        ("leader.cn1", "Vũ Thị Mai", [("HP.VPDKDD.CN1", Roles.Leader, "Giám đốc Chi nhánh số 1")]),
        ("officer.city", "Hoàng Văn Nam", [("HP.VPDKDD", "land-officer", "Viên chức Văn phòng Đăng ký đất đai")]),
        ("leader.city", "Bùi Thanh Sơn", [("HP.VPDKDD", Roles.Leader, "Giám đốc Văn phòng Đăng ký đất đai")]),
        ("tax.officer", "Ngô Thị Hằng", [("HP.THUE", "tax-officer", "Công chức Thuế thành phố")]),
        ("auditor", "Lương Văn Tâm", [("HP", Roles.Auditor, "Thanh tra viên, Văn phòng UBND thành phố")]),
    ];

    /// <summary>Who adds the demo users: an admin of the city, as the demo user <c>admin</c> will be.</summary>
    private static readonly Actor Admin = new("admin", [new Membership("HP", Roles.Admin)]);

    private static readonly Actor Clerk = new("clerk.lechan",
        [new Membership("HP.LECHAN", Roles.Clerk) { Position = "Công chức Bộ phận Một cửa" }])
    {
        Name = "Nguyễn Thị Lan",
    };

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Admin;
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var existing = await mediator.Send(new ListUsers(), cancellationToken);
            if (existing.Rejection is { } refused)
            {
                throw new InvalidOperationException($"The demo data may not list the users: {refused.Message}");
            }

            if (!existing.Users.IsEmpty)
            {
                return;
            }

            foreach (var (userName, name, memberships) in Users)
            {
                Ensure(userName, await mediator.Send(new CreateUser(userName, name, Password), cancellationToken));
                foreach (var (unit, role, position) in memberships)
                {
                    Ensure(userName, await mediator.Send(
                        new AddMembership(userName, unit, role) { Position = position }, cancellationToken));
                }
            }
        }

        var history = await HistoryAsync(cancellationToken);
        await SampleCasesAsync(cancellationToken);
        await WaitingTicketsAsync(cancellationToken);
        LogSeeded(Users.Count, history);
    }

    /// <summary>A demo user the application refuses is a broken demo, not something to start without.</summary>
    private static void Ensure(string userName, AccountResult result)
    {
        if (result.IsRejected)
        {
            throw new InvalidOperationException(
                $"Demo user {userName}: {string.Join("; ", result.Rejections.Select(r => r.Message))}");
        }
    }

    /// <summary>
    /// Replays the land transfer samples at their own dates and leaves one dossier untouched since October, so the
    /// audit pages have early, late, withdrawn, paused and overdue cases to show.
    /// </summary>
    private async Task<int> HistoryAsync(CancellationToken cancellationToken)
    {
        await using var root = scopes.CreateAsyncScope();
        var clock = root.ServiceProvider.GetService<DemoClock>();
        var catalog = root.ServiceProvider.GetRequiredService<ProcedureCatalog>();
        if (clock is null)
        {
            return 0;
        }

        var folder = Path.Combine(catalog.Folder.Root, "land-use-transfer", "v1");
        var context = await catalog.ContextAsync(cancellationToken);
        var source = await catalog.Folder.ReadVersionAsync(folder, cancellationToken);
        if (ProcedureLoader.Load(source, context).Procedure is not { } procedure)
        {
            return 0;
        }

        var samples = Samples(folder);
        try
        {
            foreach (var sample in samples)
            {
                var json = await File.ReadAllTextAsync(sample, cancellationToken);
                var parsed = ScenarioRunner.Parse(json, catalog.Folder.Display(sample));
                var scenario = parsed.Scenario ?? throw new InvalidOperationException(
                    $"A shipped sample does not read: {string.Join("; ", parsed.Diagnostics)}");
                await StoredScenario.RunAsync(
                    root.ServiceProvider, at => clock.Fixed = at, procedure, scenario, cancellationToken);
            }

            clock.Fixed = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.FromHours(7));
            await ReceiveAsync(LandTransfer("Đặng Thị Hoa", 9) with { Channel = "online" }, cancellationToken);
            return samples.Count + 1;
        }
        finally
        {
            clock.Fixed = null;
        }
    }

    /// <summary>The scenario files of a version's samples folder, in name order.</summary>
    private static List<string> Samples(string folder)
    {
        var samples = Path.Combine(folder, "samples");
        return Directory.Exists(samples)
            ? [.. Directory.EnumerateFiles(samples, "*.json")
                .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)]
            : [];
    }

    private async Task SampleCasesAsync(CancellationToken cancellationToken)
    {
        string[] names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"];
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            await ReceiveAsync(LandTransfer(name, i), cancellationToken);
        }
    }

    /// <summary>Three citizens took a number at Lê Chân this morning and wait to be called.</summary>
    private async Task WaitingTicketsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Clerk;
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        for (var i = 0; i < WaitingTickets; i++)
        {
            if ((await mediator.Send(new IssueTicket("HP.LECHAN"), cancellationToken)).Rejection is { } refused)
            {
                throw new InvalidOperationException($"The demo queue may not issue a ticket: {refused.Message}");
            }
        }
    }

    /// <summary>Received by the Lê Chân clerk, in a scope of its own like a web request.</summary>
    private async Task ReceiveAsync(ReceiveCase command, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Clerk;
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
        if (result.IsRejected)
        {
            throw new InvalidOperationException(
                $"A demo dossier is refused: {string.Join("; ", result.Rejections.Select(r => r.Message))}");
        }
    }

    /// <summary>A complete dossier: the fields and the three papers the procedure requires, each an original.</summary>
    private static ReceiveCase LandTransfer(string name, int i) =>
        new("land-use-transfer", "HP.LECHAN")
        {
            Fields = Fields(name, i),
            Components =
                [new("form-18", "original", 1), new("certificate", "original", 1), new("contract", "original", 1)],
        };

    private static ImmutableDictionary<string, string> Fields(string name, int i) => new Dictionary<string, string>
    {
        ["applicant_name"] = name, ["applicant_id_number"] = $"03108000{1234 + i}",
        ["applicant_address"] = $"{12 + i} Tô Hiệu, Lê Chân", ["applicant_phone"] = "0912345678",
        ["applicant_kind"] = "individual", ["transferee_name"] = "Phạm Thị Dung", ["parcel_number"] = $"{215 + i}",
        ["map_sheet"] = "18", ["area_m2"] = "84.5", ["certificate_number"] = $"CS 0123{45 + i}",
        ["contract_date"] = "2026-02-27", ["tax_exempt"] = "false",
    }.ToImmutableDictionary();

    [LoggerMessage(Level = LogLevel.Information, Message = "Development: {Count} demo users (password on the sign-in "
        + "page), {History} past cases replayed from the samples, 3 cases received today, 3 citizens waiting.")]
    private partial void LogSeeded(int count, int history);
}
