using System.Collections.Immutable;
using System.IO.Compression;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Designer.Designing;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Designer.Tests;

/// <summary>
/// A version exported as a zip and imported into an empty database keeps its canonical JSON and hash.
/// </summary>
[Collection(AppFactory.Collection)]
public sealed class ExportImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Export_v3_and_import_it_into_an_empty_database_gives_the_same_canonical_hash()
    {
        var v1 = Testing.Catalog.ReadVersion(
            Repository.PathOf("procedures", "land-use-transfer", "v1"), "procedure.json");
        var json = v1.Json.Replace("\"version\": 1", "\"version\": 3", StringComparison.Ordinal)
            .Replace("\"workingDays\": 4 }", "\"workingDays\": 3.5 }", StringComparison.Ordinal);
        var templates = v1.Files.Where(f => f.Key.StartsWith("templates/", StringComparison.Ordinal))
            .ToImmutableDictionary();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = People.Policy;
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            Assert.False((await mediator.Send(
                new SaveProcedureDraft("land-use-transfer", 3, json, templates),
                TestContext.Current.CancellationToken)).IsRefused);
            var published = await mediator.Send(
                new PublishProcedureVersion("land-use-transfer", 3), TestContext.Current.CancellationToken);
            Assert.Equal(PublishStatus.Published, published.Status);
        }

        var client = await app.ClientAsAsync("policy");
        var zip = await client.GetByteArrayAsync(
            "/designer/export/land-use-transfer/3", TestContext.Current.CancellationToken);
        var clerk = await app.ClientAsAsync("clerk.lechan");
        var refused = await clerk.GetAsync(
            "/designer/export/land-use-transfer/3", TestContext.Current.CancellationToken);

        await using var emptyApp = new AppFactory();
        await using var empty = emptyApp.WithWebHostBuilder(b => b
            .UseSetting("OneStop:ImportCatalog", "false").UseSetting("OneStop:DemoData", "false"));
        _ = empty.CreateClient();
        IReadOnlyList<PublishOutcome> outcomes;
        await using (var scope = empty.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Hosting.Security.ActorAccessor>().Actor = Testing.People.Policy;
            var result = await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>()
                .Send(new ImportVersions(zip), TestContext.Current.CancellationToken);
            outcomes = result.Outcomes;
        }

        var (original, imported) = (await RowAsync(app.Services), await RowAsync(empty.Services));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(PublishStatus.Published, Assert.Single(outcomes).Status);
        Assert.Equal((original.CanonicalJson, original.Sha256), (imported.CanonicalJson, imported.Sha256));
    }

    /// <summary>
    /// Issue 16: a procedure whose receipt template carries script is refused at import with an OSW code naming the
    /// template and its line, and nothing of it is stored.
    /// </summary>
    [Theory]
    [InlineData("<script>fetch('/api/cases', { method: 'POST' })</script>", "OSW4006")]
    [InlineData("<img src=\"x\" onerror=\"fetch('/api/cases')\">", "OSW4006")]
    [InlineData("<iframe src=\"/admin/users\"></iframe>", "OSW4007")]
    public async Task A_procedure_whose_receipt_runs_script_is_refused_at_import(string planted, string code)
    {
        var client = await app.ClientAsAsync("policy");
        var exported = await client.GetByteArrayAsync(
            "/designer/export/land-use-transfer/1", TestContext.Current.CancellationToken);
        var zip = Plant(exported, planted);

        ImportResult result;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = People.Policy;
            result = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new ImportVersions(zip), TestContext.Current.CancellationToken);
        }

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(PublishStatus.Refused, outcome.Status);
        var error = Assert.Single(outcome.Diagnostics, d => d.Code == code);
        Assert.EndsWith("receipt.sbn-html", error.Location.File, StringComparison.Ordinal);
        Assert.True(error.Location.Line > 1);
        await using var read = app.Services.CreateAsyncScope();
        Assert.False(await read.ServiceProvider.GetRequiredService<OneStopDbContext>().ProcedureVersions
            .AnyAsync(v => v.Code == "land-use-transfer" && v.Version == 7, TestContext.Current.CancellationToken));
    }

    /// <summary>The exported zip as version 7, <paramref name="planted"/> before the receipt's closing body.</summary>
    private static byte[] Plant(byte[] exported, string planted)
    {
        using var input = new ZipArchive(new MemoryStream(exported));
        var output = new MemoryStream();
        var found = false;
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, true))
        {
            foreach (var entry in input.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                var name = entry.FullName.Replace("/v1/", "/v7/", StringComparison.Ordinal);
                if (name.EndsWith("procedure.json", StringComparison.Ordinal))
                {
                    text = text.Replace("\"version\": 1", "\"version\": 7", StringComparison.Ordinal);
                }
                else if (name.EndsWith("templates/receipt.sbn-html", StringComparison.Ordinal))
                {
                    text = text.Replace("</body>", planted + "\n</body>", StringComparison.Ordinal);
                    found = true;
                }

                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        Assert.True(found, "The export holds no receipt template");
        return output.ToArray();
    }

    private static async Task<Persistence.Catalog.ProcedureVersionRow> RowAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await db.ProcedureVersions.AsNoTracking().SingleAsync(
            v => v.Code == "land-use-transfer" && v.Version == 3, TestContext.Current.CancellationToken);
    }
}
