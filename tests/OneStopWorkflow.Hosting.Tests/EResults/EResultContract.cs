using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.EResults;
using OneStopWorkflow.Hosting.Simulation;
using OneStopWorkflow.Persistence.Files;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Hosting.Tests.EResults;

/// <summary>
/// A resolved case of a version with a <c>result</c> gets its result document printed by Chromium, stored and
/// filed on its trail once; the audit checks the file against the trail; the citizen downloads it with the code
/// and the secret; a version without <c>result</c> and a case that was not resolved get none; where Chromium is
/// missing the case waits and the problem shows, and a file stored by a pass that died is filed by the next.
/// </summary>
public abstract class EResultContract(StorageProvider provider) : StoreContract(provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_resolved_land_transfer_gets_its_result_as_a_pdf_filed_once_on_its_trail()
    {
        await using var app = await StartAsync("2025-01-01T00:00:00+07:00");
        var caseId = await RunSampleAsync(app, "land-use-transfer/v2/samples/on-time.json");

        Assert.True((await ViewAsync(app, caseId)).EResultDue);
        var filer = app.Services.GetRequiredService<EResultFiler>();
        Assert.Equal(1, await filer.FileOnceAsync(Ct));

        await using var db = app.Db();
        var file = await db.StoredFiles.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((caseId, StoredFileKinds.EResult, "application/pdf"), (file.CaseId, file.Kind, file.MediaType));
        Assert.Equal("%PDF-"u8.ToArray(), file.Content[..5]);
        var code = await db.Cases.Where(c => c.Id == caseId).Select(c => c.DossierCode).SingleAsync(Ct);
        Assert.Equal($"ket-qua-{code}.pdf", file.FileName);
        var text = await PdfTextAsync(file.Content);
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", text, StringComparison.Ordinal);
        Assert.Contains("THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ", text, StringComparison.Ordinal);

        var last = await db.Events.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence)
            .LastAsync(Ct);
        var issued = Assert.IsType<EResultIssued>(EventSerializer.Deserialize(last.Type, last.Payload));
        Assert.Equal(("result-notice", file.Id, file.Content.LongLength),
            (issued.Document, issued.File, issued.Length));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.Content)),
            issued.Sha256);
        Assert.Equal(Actor.System.User, issued.Actor.User);
        var view = await ViewAsync(app, caseId);
        Assert.False(view.EResultDue);
        Assert.NotNull(view.EResultAt);

        // Once: a second pass finds nothing, and the engine refuses to file again.
        Assert.Equal(0, await filer.FileOnceAsync(Ct));
        await using var scope = app.Services.CreateAsyncScope();
        var again = await scope.ServiceProvider.GetRequiredService<CasePipeline>().FileEResultAsync(caseId,
            new FileEResultCommand("result-notice", file.Id, file.Length, file.Sha256), "test", Ct);
        Assert.Equal(RejectionCodes.EResultFiled, again?.Code);
        Assert.Equal(1, await db.StoredFiles.CountAsync(Ct));
        Assert.Null(filer.Problem);
    }

    [Fact]
    public async Task Audit_verify_passes_with_the_filed_pdf_and_fails_once_its_bytes_are_changed()
    {
        await using var app = await StartAsync("2025-01-01T00:00:00+07:00");
        var caseId = await RunSampleAsync(app, "land-use-transfer/v2/samples/on-time.json");
        await app.Services.GetRequiredService<EResultFiler>().FileOnceAsync(Ct);

        var clean = await VerifyAsync(app);
        Assert.True(clean.IsClean, string.Join("; ", clean.Broken.Select(b => b.Reason)));
        // Filing changes no day figure: the kept figures still equal their recount.
        var figures = await app.AsAsync(new Actor("admin.hp", [new Membership("HP", "admin")]),
            m => m.Send(new CheckFigures(), Ct));
        Assert.True(figures.IsEqual, string.Join("; ", figures.Differences));
        Assert.True(figures.Rows > 0);

        await using (var db = app.Db())
        {
            var file = await db.StoredFiles.SingleAsync(Ct);
            var changed = file.Content.ToArray();
            changed[^20] ^= 0x20;
            file.Content = changed;
            await db.SaveChangesAsync(Ct);
        }

        var broken = Assert.Single((await VerifyAsync(app)).Broken);
        Assert.Equal(caseId, broken.CaseId);
        Assert.Contains("SHA-256", broken.Reason, StringComparison.Ordinal);

        // A changed file is never handed out.
        var secret = await app.SecretOnReceiptAsync(caseId);
        var download = await DownloadAsync(app, caseId, secret);
        Assert.Equal("no-e-result.file", download.Rejection?.Key);

        await using (var db = app.Db())
        {
            await db.StoredFiles.ExecuteDeleteAsync(Ct);
        }

        Assert.Contains("missing", Assert.Single((await VerifyAsync(app)).Broken).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_citizen_downloads_the_pdf_with_the_code_and_secret_and_a_wrong_secret_gets_nothing()
    {
        await using var app = await StartAsync("2025-01-01T00:00:00+07:00");
        var caseId = await RunSampleAsync(app, "land-use-transfer/v2/samples/on-time.json");
        var secret = await app.SecretOnReceiptAsync(caseId);

        var early = await DownloadAsync(app, caseId, secret);
        Assert.Equal(RejectionCodes.NoEResult, early.Rejection?.Key);

        await app.Services.GetRequiredService<EResultFiler>().FileOnceAsync(Ct);
        var lookedUp = await LookupAsync(app, caseId, secret);
        Assert.NotNull(lookedUp.Case?.EResultAt);

        var download = await DownloadAsync(app, caseId, secret);
        Assert.Null(download.Rejection);
        await using var db = app.Db();
        var file = await db.StoredFiles.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(file.Content, download.Content);
        Assert.Equal((file.FileName, "application/pdf"), (download.FileName!, download.MediaType!));

        var wrong = await DownloadAsync(app, caseId, secret == "00000000" ? "11111111" : "00000000");
        Assert.Equal(RejectionCodes.NoMatch, wrong.Rejection?.Code);
        Assert.Null(wrong.Content);

        // Staff who may read the case download it too; others are told it does not exist.
        var staff = await app.AsAsync(People.ClerkLeChan, m => m.Send(new GetCaseEResult(caseId), Ct));
        Assert.Equal(file.Content, staff.Content);
        var other = await app.AsAsync(People.ClerkHongAn, m => m.Send(new GetCaseEResult(caseId), Ct));
        Assert.Equal(RejectionCodes.NotFound, other.Rejection?.Code);
        var anonymous = await app.AsAsync(null, m => m.Send(new GetCaseEResult(caseId), Ct));
        Assert.Null(anonymous.Content);
    }

    [Theory]
    [InlineData("land-use-transfer/v1/samples/on-time.json")]
    [InlineData("land-use-transfer/v2/samples/withdrawn.json")]
    [InlineData("land-use-transfer/v2/samples/refused-at-receipt.json")]
    public async Task A_version_without_result_or_a_case_not_resolved_gets_no_e_result(string sample)
    {
        await using var app = await StartAsync("2025-01-01T00:00:00+07:00");
        var caseId = await RunSampleAsync(app, sample);

        Assert.Equal(0, await app.Services.GetRequiredService<EResultFiler>().FileOnceAsync(Ct));

        await using var db = app.Db();
        Assert.Equal(CaseStatus.Finished, await db.Cases.Where(c => c.Id == caseId).Select(c => c.Status)
            .SingleAsync(Ct));
        Assert.Equal(0, await db.StoredFiles.CountAsync(Ct));
        Assert.False(await db.Events.AnyAsync(e => e.Type == "e-result-issued", Ct));
        Assert.False((await ViewAsync(app, caseId)).EResultDue);
    }

    [Fact]
    public async Task Without_chromium_the_case_waits_the_problem_shows_and_a_file_already_stored_is_filed()
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(Provider),
            At("2025-01-01T00:00:00+07:00"),
            new() { ["OneStop:EResults:ChromiumPath"] = "/nonexistent/chromium" });
        var caseId = await RunSampleAsync(app, "land-use-transfer/v2/samples/on-time.json");
        var filer = app.Services.GetRequiredService<EResultFiler>();

        Assert.Equal(0, await filer.FileOnceAsync(Ct));
        Assert.Contains("/nonexistent/chromium", filer.Problem?.Message, StringComparison.Ordinal);
        Assert.Equal(1, filer.Problem?.Waiting);
        Assert.True((await ViewAsync(app, caseId)).EResultDue);
        var problem = await app.AsAsync(People.ClerkLeChan, m => m.Send(new GetEResultFiling(), Ct));
        Assert.Equal(filer.Problem, problem.Problem);

        // A pass that stored its file and died before filing it: the next pass files that file, printing nothing.
        var pdf = "%PDF-1.4 printed before the process died"u8.ToArray();
        await using (var db = app.Db())
        {
            await StoredFiles.AddAsync(db, StoredFiles.New(caseId, StoredFileKinds.EResult, "ket-qua.pdf",
                "application/pdf", pdf, app.Clock.GetUtcNow()), Ct);
        }

        Assert.Equal(1, await filer.FileOnceAsync(Ct));
        Assert.Null(filer.Problem);
        var verified = await VerifyAsync(app);
        Assert.True(verified.IsClean, string.Join("; ", verified.Broken.Select(b => b.Reason)));
        var staff = await app.AsAsync(People.ClerkLeChan, m => m.Send(new GetCaseEResult(caseId), Ct));
        Assert.Equal(pdf, staff.Content);
    }

    [Fact]
    public async Task The_filer_running_as_a_service_files_a_case_that_finishes_while_it_runs()
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(Provider),
            At("2025-01-01T00:00:00+07:00"), new() { ["OneStop:EResults:Interval"] = "00:00:01" });
        var filer = app.Services.GetRequiredService<EResultFiler>();
        await filer.StartAsync(Ct);
        try
        {
            var caseId = await RunSampleAsync(app, "land-use-transfer/v2/samples/on-time.json");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            await using var db = app.Db();
            while (!await db.Events.AnyAsync(e => e.CaseId == caseId && e.Type == "e-result-issued", Ct))
            {
                Assert.True(DateTime.UtcNow < deadline, "The running filer filed nothing within a minute.");
                await Task.Delay(200, Ct);
            }
        }
        finally
        {
            await filer.StopAsync(CancellationToken.None);
        }
    }

    private protected StorageProvider Provider { get; } = provider;

    private static async Task<string> RunSampleAsync(TestApp app, string sample)
    {
        var path = Repository.PathOf("procedures", sample);
        var versionFolder = Path.GetDirectoryName(Path.GetDirectoryName(path))!;
        var procedure = ProcedureLoader.Load(Testing.Catalog.ReadVersion(versionFolder, "procedure.json"),
            Testing.Catalog.Context(new DateOnly(2026, 6, 1))).Procedure!;
        await StoredScenario.RunAsync(app.Services, at => app.Clock.SetUtcNow(at), procedure,
            Testing.Catalog.ReadScenario(path), Ct);
        await using var db = app.Db();
        return await db.Cases.Select(c => c.Id).SingleAsync(Ct);
    }

    private static async Task<CaseView> ViewAsync(TestApp app, string caseId) =>
        (await app.AsAsync(People.ClerkLeChan, m => m.Send(new GetCase(caseId), Ct))).Details!.Case;

    private static async Task<Persistence.Trail.TrailReport> VerifyAsync(TestApp app) =>
        (await app.AsAsync(People.Auditor, m => m.Send(new VerifyTrails(null), Ct))).Report!;

    private static async Task<EResultFile> DownloadAsync(TestApp app, string caseId, string secret)
    {
        var code = await CodeAsync(app, caseId);
        return await app.AsAsync(null, m => m.Send(new DownloadEResult(code, secret) { Client = "10.0.0.1" }, Ct));
    }

    private static async Task<Hosting.Lookup.LookupResult> LookupAsync(TestApp app, string caseId, string secret)
    {
        var code = await CodeAsync(app, caseId);
        return await app.AsAsync(null,
            m => m.Send(new Hosting.Lookup.LookupCase(code, secret) { Client = "10.0.0.1" }, Ct));
    }

    private static async Task<string> CodeAsync(TestApp app, string caseId)
    {
        await using var db = app.Db();
        return await db.Cases.Where(c => c.Id == caseId).Select(c => c.DossierCode).SingleAsync(Ct);
    }

    /// <summary>The PDF's text as poppler's pdftotext reads it, spaces folded.</summary>
    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"osw-e-result-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf, Ct);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"])
            {
                RedirectStandardOutput = true, UseShellExecute = false,
            })!;
            var text = await process.StandardOutput.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            Assert.Equal(0, process.ExitCode);
            return string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class SqliteEResultTests() : EResultContract(StorageProvider.Sqlite);

public sealed class PostgresEResultTests() : EResultContract(StorageProvider.Postgres);
