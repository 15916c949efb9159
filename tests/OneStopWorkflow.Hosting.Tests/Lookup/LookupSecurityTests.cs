using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Lookup;

/// <summary>
/// The public lookup (issue 16, point 5): limited in the application layer for every channel, a secret kept only as a
/// hash that no staff view shows, and one answer for an unknown code and a wrong secret.
/// </summary>
public sealed class LookupSecurityTests : IAsyncLifetime
{
    private const string Browser = "203.0.113.7";
    private TestApp _app = null!;
    private CaseView _case = null!;
    private string _secret = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(await TestApp.DatabaseAsync(StorageProvider.Sqlite),
            DateTimeOffset.Parse("2026-03-02T09:00:00+07:00", CultureInfo.InvariantCulture));
        _case = await _app.ReceiveLandTransferAsync();
        _secret = await _app.SecretOnReceiptAsync(_case.Id);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<LookupResult> LookUpAsync(string code, string secret, string? client = Browser) =>
        _app.AsAsync(null, m => m.Send(
            new LookupCase(code, secret) { Client = client }, TestContext.Current.CancellationToken));

    [Fact]
    public async Task A_hundred_and_one_lookups_from_one_browser_are_refused_after_the_limit_until_the_minute_ends()
    {
        // As the page sends them: through the Mediator, the circuit's client address on each request.
        var results = new List<LookupResult>();
        for (var i = 0; i < 101; i++)
        {
            results.Add(await LookUpAsync(_case.DossierCode, i % 2 == 0 ? _secret : "00000000"));
        }

        Assert.Equal(LookupLimiter.PerClient, results.TakeWhile(r => r.Rejection?.Code != "lookup-limited").Count());
        Assert.All(results.Skip(LookupLimiter.PerClient), r =>
        {
            Assert.Null(r.Case);
            Assert.Equal(RejectionCodes.LookupLimited, r.Rejection!.Code);
        });
        var refusal = results[^1].Rejection!;
        Assert.Contains("thử lại sau 1 phút", refusal.MessageIn(CultureInfo.GetCultureInfo("vi-VN")),
            StringComparison.Ordinal);
        Assert.Contains("Try again in 1 minute", refusal.Message, StringComparison.Ordinal);

        // Another browser is not held back by this one; this one may look again once the minute is over.
        Assert.NotNull((await LookUpAsync(_case.DossierCode, _secret, "198.51.100.9")).Case);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.NotNull((await LookUpAsync(_case.DossierCode, _secret)).Case);
    }

    [Fact]
    public async Task One_dossier_code_is_looked_up_at_most_twenty_times_an_hour_from_any_number_of_browsers()
    {
        var results = new List<LookupResult>();
        for (var i = 0; i < 30; i++)
        {
            results.Add(await LookUpAsync(_case.DossierCode, $"{i:x8}", $"192.0.2.{i}"));
        }

        Assert.All(results.Take(LookupLimiter.PerCode), r => Assert.Equal(RejectionCodes.NoMatch, r.Rejection!.Code));
        Assert.All(results.Skip(LookupLimiter.PerCode),
            r => Assert.Equal(RejectionCodes.LookupLimited, r.Rejection!.Code));
        Assert.Equal(RejectionCodes.LookupLimited, (await LookUpAsync(_case.DossierCode, _secret, "192.0.2.99"))
            .Rejection?.Code);
        _app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.NotNull((await LookUpAsync(_case.DossierCode, _secret, "192.0.2.99")).Case);
    }

    [Fact]
    public async Task A_rating_counts_against_the_same_limit()
    {
        for (var i = 0; i < LookupLimiter.PerClient; i++)
        {
            await LookUpAsync(_case.DossierCode, _secret);
        }

        var rated = await _app.AsAsync(null, m => m.Send(
            new RateCase(_case.DossierCode, _secret, 5, null) { Client = Browser },
            TestContext.Current.CancellationToken));
        Assert.Equal(RejectionCodes.LookupLimited, rated.Rejection?.Code);
    }

    [Fact]
    public async Task An_unknown_code_and_a_wrong_secret_get_the_same_answer()
    {
        var wrongSecret = await LookUpAsync(_case.DossierCode, "00000000");
        var unknownCode = await LookUpAsync("HP.LECHAN-990101-9999", "00000000");
        var huge = await LookUpAsync(new string('A', 100_000), new string('0', 100_000));

        Assert.Equal(wrongSecret, unknownCode);
        Assert.Equal(wrongSecret, huge);
        Assert.Equal((null, RejectionCodes.NoMatch), (wrongSecret.Case, wrongSecret.Rejection?.Code));

        // The secret is read as the receipt prints it, whatever case or spaces the citizen typed.
        var typed = await LookUpAsync(_case.DossierCode.ToLowerInvariant(), $" {_secret.ToUpperInvariant()} ");
        Assert.NotNull(typed.Case);
    }

    [Fact]
    public async Task The_secret_appears_in_no_trail_case_view_event_payload_or_case_row()
    {
        var details = await _app.AsAsync(People.ClerkLeChan, m => m.Send(
            new GetCase(_case.Id), TestContext.Current.CancellationToken));
        var auditor = await _app.AsAsync(People.Auditor, m => m.Send(
            new GetCase(_case.DossierCode), TestContext.Current.CancellationToken));
        await using var db = _app.Db();
        var payloads = await db.Events.Where(e => e.CaseId == _case.Id).Select(e => e.Payload)
            .ToListAsync(TestContext.Current.CancellationToken);
        var row = await db.Cases.SingleAsync(c => c.Id == _case.Id, TestContext.Current.CancellationToken);

        Assert.NotNull(details.Details);
        Assert.DoesNotContain(_secret, JsonSerializer.Serialize(details), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_secret, JsonSerializer.Serialize(auditor), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_secret, JsonSerializer.Serialize(_case), StringComparison.OrdinalIgnoreCase);
        Assert.All(payloads, p => Assert.DoesNotContain(_secret, p, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(payloads, p => p.Contains("\"secretHash\":\"sha256:", StringComparison.Ordinal));
        Assert.Equal(LookupSecret.Hash(_case.Id, _secret), row.SecretHash);

        // The staff view leaves out the hash as well: 8 hex digits are found from it by trying them all.
        Assert.DoesNotContain(details.Details!.Trail,
            t => t.Payload.Contains("secret", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull((await LookUpAsync(_case.DossierCode, _secret)).Case);
    }

    [Fact]
    public async Task A_trail_stored_with_the_secret_in_clear_still_verifies_and_never_shows_it()
    {
        // A case received before secrets were hashed: its first event carried the secret itself, and the chain was
        // hashed over that payload (rebuilt here as the store built it then).
        var cancel = TestContext.Current.CancellationToken;
        await using (var db = _app.Db())
        {
            var events = await db.Events.Where(e => e.CaseId == _case.Id).OrderBy(e => e.Sequence).ToListAsync(cancel);
            events[0].Payload = System.Text.RegularExpressions.Regex.Replace(
                events[0].Payload, "\"secretHash\":\"[^\"]*\"", "\"secret\":\"deadbeef\"");
            var previous = Persistence.Trail.TrailHash.Genesis;
            foreach (var e in events)
            {
                e.PreviousHash = previous;
                e.Hash = previous = Persistence.Trail.TrailHash.Compute(e);
            }

            var row = await db.Cases.SingleAsync(c => c.Id == _case.Id, cancel);
            row.LastHash = previous;
            await db.SaveChangesAsync(cancel);
        }

        var details = await _app.AsAsync(People.ClerkLeChan, m => m.Send(new GetCase(_case.Id), cancel));
        var verified = await _app.AsAsync(People.Auditor, m => m.Send(new VerifyTrails(_case.Id), cancel));

        Assert.Equal("case-received", details.Details!.Trail[0].Type);
        Assert.DoesNotContain("deadbeef", JsonSerializer.Serialize(details), StringComparison.Ordinal);
        Assert.True(verified.Report!.IsClean, string.Join("; ", verified.Report.Broken));

        // Its row kept the hash the upgrade wrote: the receipt's secret still opens the lookup.
        Assert.NotNull((await LookUpAsync(_case.DossierCode, _secret)).Case);
    }

    [Fact]
    public async Task A_receipt_issued_after_a_supplement_at_intake_prints_a_secret_that_opens_the_lookup()
    {
        var received = (await _app.SendAsync(People.ClerkLeChan, new ReceiveCase("land-use-transfer", "HP.LECHAN")
        {
            Fields = LandTransferFields.Complete, Components = LandTransferFields.Components,
            IntakeAction = "request-supplement",
            Input = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty
                .Add("reason", "Hợp đồng chưa công chứng"),
        })).Case!;
        _app.Clock.Advance(TimeSpan.FromHours(1));
        var resubmitted = await _app.SendAsync(People.ClerkLeChan, new ResubmitCase(received.Id));
        Assert.False(resubmitted.IsRejected, string.Join("; ", resubmitted.Rejections));
        var accepted = await _app.SendAsync(People.ClerkLeChan, new ActOnCase(received.Id, "accept"));
        Assert.False(accepted.IsRejected, string.Join("; ", accepted.Rejections));

        var secret = await _app.SecretOnReceiptAsync(received.Id);
        Assert.NotNull((await LookUpAsync(received.DossierCode, secret)).Case);
        var verified = await _app.AsAsync(People.Auditor, m => m.Send(
            new VerifyTrails(received.Id), TestContext.Current.CancellationToken));
        Assert.True(verified.Report!.IsClean);
    }
}
