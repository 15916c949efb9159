using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Hosting.Online;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Hosting.Tests.Online;

/// <summary>
/// Issue 19 points 2 and 3 on a real store: a citizen submits land-use transfer online with scans, a clerk finds it
/// in the unit's online dossiers, asks for the missing paper, the citizen adds it and the clerk accepts.
/// </summary>
public abstract class OnlineSubmissionContract(StorageProvider provider) : StoreContract(provider)
{
    private const string Friday1630 = "2026-12-04T16:30:00+07:00";

    internal static byte[] Pdf(string text) =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");

    internal static UploadedScan Scan(string component) => new(component, $"{component}.pdf", Pdf(component));

    private static SubmitOnline Submission(string client, params string[] components) =>
        new("land-use-transfer", "HP.LECHAN")
        {
            Fields = LandTransferFields.Complete.SetItem("applicant_email", "an.nguyen@example.vn"),
            Scans = [.. components.Select(Scan)], Client = client, Delivery = ResultDelivery.Post,
        };

    private static Task<OnlineSubmission> SubmitAsync(TestApp app, SubmitOnline submission) =>
        app.AsAsync(null, m => m.Send(submission, TestContext.Current.CancellationToken));

    [Fact]
    public async Task A_submission_waits_for_a_clerk_who_asks_for_the_missing_paper_then_accepts_counting_from_monday()
    {
        await using var app = await StartAsync(Friday1630);

        var submitted = await SubmitAsync(app, Submission("203.0.113.7", "form-18", "certificate", "mortgage-consent"));

        Assert.False(submitted.IsRejected, string.Join("; ", submitted.Rejections));
        Assert.Matches("^HP.LECHAN-261204-[0-9]{4}$", submitted.DossierCode);
        Assert.Matches("^[0-9a-f]{8}$", submitted.Secret);
        var waiting = await app.AsAsync(People.ClerkLeChan,
            m => m.Send(new GetOnlineDossiers("HP.LECHAN"), TestContext.Current.CancellationToken));
        var item = Assert.Single(waiting.Items);
        Assert.Equal((submitted.CaseId, "Nguyễn Văn An", 3, false), (item.CaseId, item.Applicant, item.Scans,
            item.AwaitsApplicant));
        var elsewhere = await app.AsAsync(People.ClerkHongAn,
            m => m.Send(new GetOnlineDossiers("HP.LECHAN"), TestContext.Current.CancellationToken));
        Assert.Equal(RejectionCodes.Forbidden, elsewhere.Rejection?.Code);

        await using (var db = app.Db())
        {
            var scans = await db.Scans.Where(s => s.CaseId == submitted.CaseId)
                .ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(3, scans.Count);
            Assert.All(scans, s => Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(s.Content)), s.Sha256));
            Assert.All(scans, s => Assert.Equal("application/pdf", s.MediaType));
            var row = await db.Cases.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(("online", null), (row.Channel, row.Appointment));
        }

        var scanId = (await app.AsAsync(People.ClerkLeChan, m => m.Send(new GetCase(submitted.CaseId!),
            TestContext.Current.CancellationToken))).Details!.Case.Components.SelectMany(c => c.Received)
            .SelectMany(r => r.Scans ?? []).First().Id;
        var file = await app.AsAsync(People.ClerkLeChan,
            m => m.Send(new GetScan(scanId), TestContext.Current.CancellationToken));
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(file.File!.Content), StringComparison.Ordinal);
        var hidden = await app.AsAsync(People.ClerkHongAn,
            m => m.Send(new GetScan(scanId), TestContext.Current.CancellationToken));
        Assert.Equal(RejectionCodes.NotFound, hidden.Rejection?.Code);

        var accept = await app.SendAsync(People.ClerkLeChan, new ActOnCase(submitted.CaseId!, "accept"));
        Assert.Equal(RejectionCodes.ComponentsMissing, Assert.Single(accept.Rejections).Code);
        var asked = await app.SendAsync(People.ClerkLeChan, new ActOnCase(submitted.CaseId!, "request-supplement")
        {
            Input = ImmutableDictionary<string, string>.Empty.Add("reason", "Thiếu hợp đồng chuyển nhượng"),
        });
        Assert.False(asked.IsRejected, string.Join("; ", asked.Rejections));

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var wrong = await app.AsAsync(null, m => m.Send(
            new SupplementOnline(submitted.DossierCode!, "00000000") { Scans = [Scan("contract")], Client = "x" },
            TestContext.Current.CancellationToken));
        Assert.Equal(RejectionCodes.NoMatch, Assert.Single(wrong.Rejections).Code);
        var added = await app.AsAsync(null, m => m.Send(
            new SupplementOnline(submitted.DossierCode!, submitted.Secret!) { Scans = [Scan("contract")] },
            TestContext.Current.CancellationToken));
        Assert.False(added.IsRejected, string.Join("; ", added.Rejections));

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var accepted = await app.SendAsync(People.ClerkLeChan, new ActOnCase(submitted.CaseId!, "accept"));
        Assert.False(accepted.IsRejected, string.Join("; ", accepted.Rejections));

        await using (var db = app.Db())
        {
            var events = (await db.Events.Where(e => e.CaseId == submitted.CaseId).OrderBy(e => e.Sequence)
                .ToListAsync(TestContext.Current.CancellationToken))
                .Select(e => EventSerializer.Deserialize(e.Type, e.Payload)).ToList();
            var started = Assert.Single(events.OfType<ClockStarted>());
            Assert.Equal(At("2026-12-07T07:00:00+07:00"), started.CountsFrom);
            Assert.Equal(At("2026-12-04T16:45:00+07:00"), started.At);
            Assert.Contains(events.OfType<ComponentsHandedIn>(), h => h.Actor.Role == "applicant"
                && h.Components is [{ Component: "contract" }]);
            Assert.Equal(ResultDelivery.Post, Assert.IsType<CaseReceived>(events[0]).Delivery);
        }

        // The secret given online still opens the dossier after the receipt was issued.
        var looked = await app.AsAsync(null, m => m.Send(new LookupCase(submitted.DossierCode!, submitted.Secret!),
            TestContext.Current.CancellationToken));
        Assert.NotNull(looked.Case);
        Assert.Empty((await app.AsAsync(People.ClerkLeChan,
            m => m.Send(new GetOnlineDossiers("HP.LECHAN"), TestContext.Current.CancellationToken))).Items);

        // audit verify covers the scans: intact now, and a file changed in the store is found.
        var intact = await app.AsAsync(People.Auditor,
            m => m.Send(new Hosting.Audit.VerifyTrails(null), TestContext.Current.CancellationToken));
        Assert.Empty(intact.Report!.Broken);
        await using (var db = app.Db())
        {
            var scan = await db.Scans.FirstAsync(s => s.Id == scanId, TestContext.Current.CancellationToken);
            scan.Content = Pdf("changed");
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var tampered = await app.AsAsync(People.Auditor,
            m => m.Send(new Hosting.Audit.VerifyTrails(null), TestContext.Current.CancellationToken));
        Assert.Contains(scanId, Assert.Single(tampered.Report!.Broken).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_claims_to_be_a_pdf_and_a_30_mb_scan_are_refused_and_nothing_is_kept()
    {
        await using var app = await StartAsync(Friday1630);
        var fake = Submission("203.0.113.8", "form-18") with
        {
            Scans = [new UploadedScan("form-18", "don.pdf", Encoding.UTF8.GetBytes("<script>alert(1)</script>"))],
        };
        var big = new byte[30 * 1024 * 1024];
        Pdf("big").CopyTo(big, 0);
        var huge = Submission("203.0.113.8", "form-18") with
        {
            Scans = [new UploadedScan("form-18", "giay-chung-nhan.pdf", big)],
        };

        var refusedFake = await SubmitAsync(app, fake);
        var refusedHuge = await SubmitAsync(app, huge);

        var invalid = Assert.Single(refusedFake.Rejections);
        Assert.Equal((RejectionCodes.ScanInvalid, "components.form-18"), (invalid.Code, invalid.Field));
        Assert.Contains("don.pdf", invalid.MessageIn(new System.Globalization.CultureInfo("vi-VN")),
            StringComparison.Ordinal);
        var tooLarge = Assert.Single(refusedHuge.Rejections);
        Assert.Equal(RejectionCodes.ScanTooLarge, tooLarge.Code);
        Assert.Contains("30,0 MB", tooLarge.MessageIn(new System.Globalization.CultureInfo("vi-VN")),
            StringComparison.Ordinal);
        await using var db = app.Db();
        Assert.Equal(0, await db.Scans.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Cases.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_refused_submission_takes_its_stored_files_back()
    {
        await using var app = await StartAsync(Friday1630);
        var noName = Submission("203.0.113.9", "form-18") with
        {
            Fields = LandTransferFields.Complete.Remove("parcel_number"),
        };

        var refused = await SubmitAsync(app, noName);

        Assert.Contains(refused.Rejections, r => r.Code == RejectionCodes.FieldRequired);
        await using var db = app.Db();
        Assert.Equal(0, await db.Scans.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_101st_submission_from_one_address_in_a_minute_is_limited()
    {
        await using var app = await StartAsync(Friday1630);
        var limit = new OnlineOptions().SubmissionsPerMinute;
        for (var i = 0; i < limit; i++)
        {
            // Refused for a missing field, but counted: the limit counts what is sent, not what is accepted.
            var sent = await SubmitAsync(app, Submission("198.51.100.1") with
            {
                Fields = ImmutableDictionary<string, string>.Empty,
            });
            Assert.NotEqual(RejectionCodes.SubmissionLimited, sent.Rejections[0].Code);
        }

        var limited = await SubmitAsync(app, Submission("198.51.100.1", "form-18"));
        var other = await SubmitAsync(app, Submission("198.51.100.2", "form-18", "certificate", "contract"));

        Assert.Equal(RejectionCodes.SubmissionLimited, Assert.Single(limited.Rejections).Code);
        Assert.NotNull(limited.RetryAfter);
        Assert.False(other.IsRejected, string.Join("; ", other.Rejections));
    }
}

public sealed class SqliteOnlineSubmissionTests() : OnlineSubmissionContract(StorageProvider.Sqlite);

public sealed class PostgresOnlineSubmissionTests() : OnlineSubmissionContract(StorageProvider.Postgres);
