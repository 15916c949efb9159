using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Startup;
using OneStopWorkflow.Persistence.Catalog;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Startup;

/// <summary>Starting on an empty database, starting again, and what the catalog import and publishing refuse.</summary>
public sealed class StartupTests
{
    private static readonly DateTimeOffset Now =
        DateTimeOffset.Parse("2026-03-02T09:00:00+07:00", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_empty_sqlite_file_gets_the_schema_and_the_catalog_on_start_and_a_second_start_changes_nothing()
    {
        await using var database = await TestApp.DatabaseAsync(StorageProvider.Sqlite);
        Assert.False(File.Exists(database.ConnectionString["Data Source=".Length..]));

        IReadOnlyList<PublishOutcome> first, second;
        List<ProcedureVersionRow> before, after;
        await using (var app = TestApp.Build(database, TimeProvider.System))
        {
            first = await app.GetRequiredService<OneStopInitializer>()
                .InitializeAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = database.CreateContext())
        {
            before = await db.ProcedureVersions.AsNoTracking().OrderBy(v => v.Code)
                .ToListAsync(TestContext.Current.CancellationToken);
            Assert.True(await db.Units.CountAsync(TestContext.Current.CancellationToken) > 20);
        }

        await using (var app = TestApp.Build(database, TimeProvider.System))
        {
            second = await app.GetRequiredService<OneStopInitializer>()
                .InitializeAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = database.CreateContext())
        {
            after = await db.ProcedureVersions.AsNoTracking().OrderBy(v => v.Code)
                .ToListAsync(TestContext.Current.CancellationToken);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(6, first.Count); // v1 and v2 of the three sample procedures
        Assert.All(first, o => Assert.Equal(PublishStatus.Published, o.Status));
        Assert.All(second, o => Assert.Equal(PublishStatus.Unchanged, o.Status));
        Assert.Equal(
            before.Select(v => (v.Code, v.Version, v.Sha256, v.PublishedAt)),
            after.Select(v => (v.Code, v.Version, v.Sha256, v.PublishedAt)));
        Assert.All(after, v => Assert.Equal(ProcedureVersionStatus.Published, v.Status));
    }

    [Fact]
    public async Task A_published_version_whose_files_changed_is_refused_by_name_and_a_broken_one_with_its_diagnostics()
    {
        await using var database = await TestApp.DatabaseAsync(StorageProvider.Sqlite);
        var folder = CopyOfCatalog();
        try
        {
            var settings = new Dictionary<string, string?> { ["OneStop:ProceduresFolder"] = folder };
            await using (var app = TestApp.Build(database, TimeProvider.System, settings))
            {
                await app.GetRequiredService<OneStopInitializer>()
                    .InitializeAsync(TestContext.Current.CancellationToken);
            }

            var land = Path.Combine(folder, "land-use-transfer", "v1", "procedure.json");
            await File.WriteAllTextAsync(
                land,
                (await File.ReadAllTextAsync(land, TestContext.Current.CancellationToken))
                    .Replace("\"workingDays\": 8", "\"workingDays\": 7", StringComparison.Ordinal),
                TestContext.Current.CancellationToken);
            var birth = Path.Combine(folder, "birth-registration", "v1", "procedure.json");
            await File.WriteAllTextAsync(
                birth, "{ \"code\": \"birth-registration\", ", TestContext.Current.CancellationToken);

            IReadOnlyList<PublishOutcome> outcomes;
            await using (var app = TestApp.Build(database, TimeProvider.System, settings))
            {
                outcomes = await app.GetRequiredService<OneStopInitializer>()
                    .InitializeAsync(TestContext.Current.CancellationToken);
            }

            var changed = outcomes.Single(o => o.Path.Contains("land-use-transfer/v1", StringComparison.Ordinal));
            var broken = outcomes.Single(o => o.Path.Contains("birth-registration/v1", StringComparison.Ordinal));
            Assert.Equal(PublishStatus.Refused, changed.Status);
            Assert.Contains("already published with other content", changed.Message, StringComparison.Ordinal);
            Assert.EndsWith("land-use-transfer/v1/procedure.json", changed.Path, StringComparison.Ordinal);
            Assert.Equal(PublishStatus.Refused, broken.Status);
            Assert.Contains(broken.Diagnostics, d => d.IsError && d.Code.StartsWith("OSW1", StringComparison.Ordinal));
            Assert.All(outcomes.Where(o => o.Code == "business-household-registration" || o.Path.Contains("/v2/",
                StringComparison.Ordinal)), o => Assert.Equal(PublishStatus.Unchanged, o.Status));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Policy_staff_publish_a_checked_draft_and_nobody_else_can()
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(StorageProvider.Sqlite), Now);
        var v1 = Path.Combine(Repository.PathOf("procedures"), "land-use-transfer", "v1");
        var source = Testing.Catalog.ReadVersion(v1, "procedure.json");
        var v2 = source.Json.Replace("\"version\": 1", "\"version\": 3", StringComparison.Ordinal);
        var broken = v2.Replace("\"to\": \"tax-obligation\"", "\"to\": \"tax-obligations\"", StringComparison.Ordinal);

        var byClerk = await app.AsAsync(People.ClerkLeChan, m =>
            m.Send(new SaveProcedureDraft("land-use-transfer", 3, v2, source.Files)));
        var draftWithErrors = await app.AsAsync(People.Policy, m =>
            m.Send(new SaveProcedureDraft("land-use-transfer", 3, broken, source.Files)));
        var refused = await app.AsAsync(People.Policy, m =>
            m.Send(new PublishProcedureVersion("land-use-transfer", 3)));
        var fixedDraft = await app.AsAsync(People.Policy, m =>
            m.Send(new SaveProcedureDraft("land-use-transfer", 3, v2, source.Files)));
        var published = await app.AsAsync(People.Policy, m =>
            m.Send(new PublishProcedureVersion("land-use-transfer", 3)));
        var again = await app.AsAsync(People.Policy, m =>
            m.Send(new SaveProcedureDraft("land-use-transfer", 3, v2, source.Files)));
        var versions = await app.AsAsync(People.ClerkLeChan, m => m.Send(new ListProcedureVersions()));
        var received = await app.ReceiveLandTransferAsync();

        Assert.Equal(PublishStatus.Refused, byClerk.Status);
        Assert.Equal(PublishStatus.Drafted, draftWithErrors.Status);
        Assert.Contains(draftWithErrors.Diagnostics, d => d.IsError);
        Assert.Equal(PublishStatus.Refused, refused.Status);
        Assert.Contains("tax-obligations", refused.Message, StringComparison.Ordinal);
        Assert.Equal(PublishStatus.Drafted, fixedDraft.Status);
        Assert.Equal(PublishStatus.Published, published.Status);
        Assert.Equal(PublishStatus.Refused, again.Status);
        Assert.Equal([3, 2, 1], versions.Versions.Where(v => v.Code == "land-use-transfer").Select(v => v.Version));
        Assert.Equal(3, received.ProcedureVersion);
    }

    private static string CopyOfCatalog()
    {
        var target = Path.Combine(Path.GetTempPath(), "onestop-tests", $"catalog-{Guid.NewGuid():N}");
        var source = Repository.PathOf("procedures");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }
}
