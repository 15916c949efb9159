using OneStopWorkflow.Engine.Units;
using System.Collections.Immutable;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Simulation;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Simulation;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Accounts;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Designer.Demo;

/// <summary>
/// Development only: demo users for every role, listed on the sign-in page, and a few sample cases, so a fresh
/// clone shows a working centre. Runs once: nothing is added when the users exist.
/// </summary>
public sealed partial class DemoData(IServiceScopeFactory scopes, ILogger<DemoData> logger)
{
    public const string Password = "Demo@2026";

    /// <summary>User name, display name, and memberships (unit, role).</summary>
    public static readonly IReadOnlyList<(string User, string Name, (string Unit, string Role)[] Memberships)> Users =
    [
        ("admin", "Quản trị hệ thống", [("HP", "admin")]),
        ("policy", "Chuyên viên Sở Nội vụ (mô hình hóa thủ tục)", [("HP", "policy")]),
        ("clerk.lechan", "Nguyễn Thị Lan — một cửa phường Lê Chân", [("HP.LECHAN", "clerk")]),
        ("officer.lechan", "Phạm Văn Hùng — công chức phường Lê Chân", [("HP.LECHAN", "civil-status-officer"), ("HP.LECHAN", "business-registrar")]),
        ("leader.lechan", "Trần Quốc Bảo — Chủ tịch UBND phường Lê Chân", [("HP.LECHAN", "leader")]),
        ("clerk.hongan", "Lê Thu Hà — một cửa phường Hồng An", [("HP.HONGAN", "clerk")]),
        ("officer.cn1", "Đỗ Minh Tuấn — Chi nhánh VPĐKĐĐ số 1", [("HP.VPDKDD.CN1", "land-officer")]),
        ("leader.cn1", "Vũ Thị Mai — Giám đốc Chi nhánh số 1", [("HP.VPDKDD.CN1", "leader")]),
        ("officer.city", "Hoàng Văn Nam — VPĐKĐĐ thành phố", [("HP.VPDKDD", "land-officer")]),
        ("leader.city", "Bùi Thanh Sơn — Giám đốc VPĐKĐĐ thành phố", [("HP.VPDKDD", "leader")]),
        ("tax.officer", "Ngô Thị Hằng — Thuế thành phố", [("HP.THUE", "tax-officer")]),
        ("auditor", "Thanh tra — Văn phòng UBND thành phố", [("HP", "auditor")]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserRow>>();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var (userName, name, memberships) in Users)
        {
            var user = new UserRow { UserName = userName, DisplayName = name, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            db.Memberships.AddRange(memberships.Select(m => new MembershipRow { UserId = user.Id, Unit = m.Unit, Role = m.Role }));
        }

        await db.SaveChangesAsync(cancellationToken);
        var history = await HistoryAsync(cancellationToken);
        await SampleCasesAsync(cancellationToken);
        LogSeeded(Users.Count, history);
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
        if (ProcedureLoader.Load(await catalog.Folder.ReadVersionAsync(folder, cancellationToken), context).Procedure is not { } procedure)
        {
            return 0;
        }

        var samples = Directory.Exists(Path.Combine(folder, "samples"))
            ? Directory.EnumerateFiles(Path.Combine(folder, "samples"), "*.json").Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : [];
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
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = new Actor("clerk.lechan", [new Membership("HP.LECHAN", Roles.Clerk)]);
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReceiveCase("land-use-transfer", "HP.LECHAN")
            {
                Fields = Fields("Đặng Thị Hoa", 9), Channel = "online",
            }, cancellationToken);
            return samples.Count + 1;
        }
        finally
        {
            clock.Fixed = null;
        }
    }

    private static ImmutableDictionary<string, string> Fields(string name, int i) => new Dictionary<string, string>
    {
        ["applicant_name"] = name, ["applicant_id_number"] = $"03108000{1234 + i}", ["applicant_address"] = $"{12 + i} Tô Hiệu, Lê Chân",
        ["applicant_phone"] = "0912345678", ["applicant_kind"] = "individual", ["transferee_name"] = "Phạm Thị Dung",
        ["parcel_number"] = $"{215 + i}", ["map_sheet"] = "18", ["area_m2"] = "84.5", ["certificate_number"] = $"CS 0123{45 + i}",
        ["contract_date"] = "2026-02-27", ["tax_exempt"] = "false",
    }.ToImmutableDictionary();

    private async Task SampleCasesAsync(CancellationToken cancellationToken)
    {
        var clerk = new Actor("clerk.lechan", [new Membership("HP.LECHAN", Roles.Clerk)]);
        string[] names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"];
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = clerk;
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReceiveCase("land-use-transfer", "HP.LECHAN")
            {
                Fields = Fields(name, i),
            }, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Development: {Count} demo users (password on the sign-in page), {History} past cases replayed from the samples and 3 cases received today.")]
    private partial void LogSeeded(int count, int history);
}
