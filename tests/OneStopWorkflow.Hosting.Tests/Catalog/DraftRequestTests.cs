using System.Globalization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Catalog;

/// <summary>
/// The designer's questions about a draft, asked of the application layer: what the checks say, what a document
/// looks like, what a scenario does, and what changed since the version before.
/// </summary>
public sealed class DraftRequestTests
{
    private static readonly DateTimeOffset Now =
        DateTimeOffset.Parse("2026-03-02T09:00:00+07:00", CultureInfo.InvariantCulture);

    private static readonly ProcedureSource LandTransfer = Testing.Catalog.ReadVersion(
        Path.Combine(Repository.PathOf("procedures"), "land-use-transfer", "v2"), "procedure.json");

    private static string Version2(string statutoryDays) => LandTransfer.Json
        .Replace("\"version\": 2", "\"version\": 3", StringComparison.Ordinal)
        .Replace("\"statutoryDeadline\": { \"workingDays\": 8 }",
            $"\"statutoryDeadline\": {{ \"workingDays\": {statutoryDays} }}", StringComparison.Ordinal);

    [Fact]
    public async Task A_draft_is_checked_where_it_will_be_stored_with_its_path_budget_and_a_broken_one_has_none()
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(StorageProvider.Sqlite), Now);
        var broken = LandTransfer.Json.Replace(
            "\"to\": \"tax-obligation\"", "\"to\": \"tax-obligations\"", StringComparison.Ordinal);

        var sound = await app.AsAsync(People.Policy, m => m.Send(
            new ValidateDraft("land-use-transfer", 1, LandTransfer.Json, LandTransfer.Files)));
        var wrong = await app.AsAsync(People.Policy, m => m.Send(
            new ValidateDraft("land-use-transfer", 3, broken, LandTransfer.Files)));

        Assert.Null(sound.Rejection);
        Assert.DoesNotContain(sound.Diagnostics, d => d.IsError);
        Assert.NotNull(sound.Procedure);
        Assert.Equal(8 * Testing.Catalog.Calendar.HoursPerDay, sound.Budget?.StatutoryHours);
        Assert.True(sound.Budget?.LongestMainPathHours > 0);
        Assert.Contains(wrong.Diagnostics, d => d.IsError && d.Location.File == "land-use-transfer/v3/procedure.json"
            && d.Message.Contains("tax-obligations", StringComparison.Ordinal));
        Assert.Equal((null, null), (wrong.Procedure, wrong.Budget));
    }

    [Fact]
    public async Task A_draft_previews_a_document_runs_its_sample_and_shows_what_changed_since_the_version_before()
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(StorageProvider.Sqlite), Now);
        var checks = await app.AsAsync(People.Policy, m => m.Send(
            new ValidateDraft("land-use-transfer", 1, LandTransfer.Json, LandTransfer.Files)));
        var procedure = checks.Procedure!;
        await app.AsAsync(People.Policy, m => m.Send(
            new SaveProcedureDraft("land-use-transfer", 3, Version2("9"), LandTransfer.Files)));

        var preview = await app.AsAsync(People.Policy, m => m.Send(new PreviewDraft(procedure, "receipt")));
        var sample = await app.AsAsync(People.Policy, m => m.Send(new GetSampleScenario("land-use-transfer")));
        var run = await app.AsAsync(People.Policy, m => m.Send(new RunDraftScenario(procedure, sample.Json)));
        var broken = await app.AsAsync(People.Policy, m => m.Send(
            new RunDraftScenario(procedure, "{\n  \"receive\": {}\n}")));
        var diff = await app.AsAsync(People.Policy, m => m.Send(new DiffVersions("land-use-transfer", 2, 3)));
        var missing = await app.AsAsync(People.Policy, m => m.Send(new DiffVersions("land-use-transfer", 1, 7)));

        Assert.Contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", preview.Html, StringComparison.Ordinal);
        // Issue 18: a preview reads like a real dossier, never a field's name in its place.
        Assert.Contains("Nguyễn Văn An", preview.Html, StringComparison.Ordinal);
        Assert.Contains("phố Lạch Tray", preview.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("applicant_", preview.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(">preview<", preview.Html, StringComparison.Ordinal);
        Assert.Empty(run.Diagnostics);
        Assert.Contains("\"dossierCode\"", run.Report, StringComparison.Ordinal);
        Assert.Contains(run.Trial!.Entries, e => e is TrialStep { Step: "intake", Status: "on-time" });
        Assert.Contains(run.Trial.Entries, e => e is TrialDocument { Document: "receipt" } d
            && d.Html.Contains("Giấy tiếp nhận hồ sơ", StringComparison.Ordinal));
        Assert.Null(broken.Report);
        Assert.Null(broken.Trial);
        Assert.Equal(["scenario.json(2,14): error OSW1003: Property 'at' is required in $.receive; add it."],
            broken.Diagnostics.Where(d => d.Message.Contains("'at'", StringComparison.Ordinal))
                .Select(d => d.ToString()));
        Assert.Equal([("changed", "procedure")], diff.Changes.Select(c => (c.Kind, c.Where)));
        Assert.Contains("statutory deadline", diff.Changes[0].What, StringComparison.Ordinal);
        Assert.Equal("not-found.version", missing.Rejection?.Key);
    }

    [Fact]
    public async Task Only_policy_staff_and_admins_ask_about_drafts()
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(StorageProvider.Sqlite), Now);
        var clerk = People.ClerkLeChan;
        var procedure = (await app.AsAsync(People.Policy, m => m.Send(
            new ValidateDraft("land-use-transfer", 1, LandTransfer.Json, LandTransfer.Files)))).Procedure!;

        Rejection?[] refusals =
        [
            (await app.AsAsync(clerk, m => m.Send(
                new ValidateDraft("land-use-transfer", 1, LandTransfer.Json, LandTransfer.Files)))).Rejection,
            (await app.AsAsync(clerk, m => m.Send(new DiffVersions("land-use-transfer", 1, 1)))).Rejection,
            (await app.AsAsync(clerk, m => m.Send(new PreviewDraft(procedure, "receipt")))).Rejection,
            (await app.AsAsync(clerk, m => m.Send(new RunDraftScenario(procedure, "{}")))).Rejection,
            (await app.AsAsync(clerk, m => m.Send(new GetSampleScenario("land-use-transfer")))).Rejection,
        ];

        Assert.All(refusals, r => Assert.Equal($"{RejectionCodes.Forbidden}.policy", r?.Key));
    }
}
