using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Hosting.Tests.Cases;

/// <summary>
/// The tracking-book reference of the receipt (issue 15, point 4): each unit's book for a year numbers its cases
/// one after another, without gaps or repeats under parallel receipt, and the trail and the receipt say the same.
/// The book of a unit (Mẫu 07) lists the dossiers received there and at the units below it (issue 18).
/// </summary>
public abstract class TrackingBookContract(StorageProvider provider) : StoreContract(provider)
{
    [Fact]
    public async Task Eight_clerks_receiving_at_once_enter_eight_consecutive_numbers_in_the_unit_book()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var cases = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => app.ReceiveLandTransferAsync())));

        var entries = await EntriesAsync(app);
        Assert.Equal(Enumerable.Range(1, 8), entries.Values.Select(e => e.Number).Order());
        Assert.All(entries.Values, e => Assert.Equal(1, e.Volume));
        Assert.Equal(cases.Select(c => c.Id).Order(StringComparer.Ordinal), entries.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_unit_keeps_its_own_book_and_a_new_year_starts_again_at_one()
    {
        await using var app = await StartAsync("2025-12-31T10:00:00+07:00");

        // A contract notarised before the dossier is received (a contract date after today is refused).
        var fields = LandTransferFields.Complete.SetItem("contract_date", "2025-12-30");
        Task<CaseResult> Receive(Actor clerk, string unit) => app.SendAsync(clerk,
            new ReceiveCase("land-use-transfer", unit) { Fields = fields, Components = LandTransferFields.Components });
        var lechan1 = (await Receive(People.ClerkLeChan, "HP.LECHAN")).Case!;
        var lechan2 = (await Receive(People.ClerkLeChan, "HP.LECHAN")).Case!;
        var hongan = await Receive(People.ClerkHongAn, "HP.HONGAN");
        app.Clock.SetUtcNow(At("2026-01-05T09:00:00+07:00"));
        var lechanNextYear = (await Receive(People.ClerkLeChan, "HP.LECHAN")).Case!;

        var entries = await EntriesAsync(app);
        Assert.Equal(new TrackingBookEntry(1, 1), entries[lechan1.Id]);
        Assert.Equal(new TrackingBookEntry(1, 2), entries[lechan2.Id]);
        Assert.Equal(new TrackingBookEntry(1, 1), entries[hongan.Case!.Id]);
        Assert.Equal(new TrackingBookEntry(1, 1), entries[lechanNextYear.Id]);
    }

    [Fact]
    public async Task A_refused_receipt_takes_no_number_and_the_receipt_prints_the_number_the_trail_holds()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        await app.ReceiveLandTransferAsync();
        var refused = await app.SendAsync(People.ClerkLeChan,
            new ReceiveCase("land-use-transfer", "HP.LECHAN")
            {
                Fields = LandTransferFields.Complete.Remove("applicant_name"),
            });
        Assert.True(refused.IsRejected);
        var second = await app.ReceiveLandTransferAsync();

        Assert.Equal(new TrackingBookEntry(1, 2), (await EntriesAsync(app))[second.Id]);
        await using var db = app.Db();
        var receipt = await db.Documents.Where(d => d.CaseId == second.Id && d.Document == "receipt")
            .Select(d => d.Content).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Vào Sổ theo dõi hồ sơ, Quyển số: 01, Số thứ tự: 2.", receipt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_sequence_set_back_skips_the_codes_already_given_and_the_book_keeps_no_gap()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var first = await app.ReceiveLandTransferAsync();

        // Rewinding the day's dossier numbers would make the next receipt collide with the first one's code.
        await using (var db = app.Db())
        {
            await db.DossierSequences.ExecuteUpdateAsync(
                u => u.SetProperty(s => s.Last, 0), TestContext.Current.CancellationToken);
        }

        var next = await app.ReceiveLandTransferAsync();

        Assert.NotEqual(first.DossierCode, next.DossierCode);
        Assert.EndsWith("-0002", next.DossierCode, StringComparison.Ordinal);
        Assert.Equal(new TrackingBookEntry(1, 2), (await EntriesAsync(app))[next.Id]);
    }

    [Fact]
    public async Task Issue_18_the_provinces_book_lists_the_dossiers_of_its_communes_and_a_communes_book_its_own()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var lechan = await app.ReceiveLandTransferAsync();
        var hongan = (await app.SendAsync(People.ClerkHongAn, new ReceiveCase("land-use-transfer", "HP.HONGAN")
        {
            Fields = LandTransferFields.Complete, Components = LandTransferFields.Components,
        })).Case!;
        var day = new DateOnly(2026, 3, 2);

        var province = await app.AsAsync(People.Auditor, m => m.Send(new GetTrackingBook("HP", day, day)));
        var commune = await app.AsAsync(People.Auditor, m => m.Send(new GetTrackingBook("HP.LECHAN", day, day)));

        Assert.Contains(lechan.DossierCode, province.Html, StringComparison.Ordinal);
        Assert.Contains(hongan.DossierCode, province.Html, StringComparison.Ordinal);
        Assert.Contains(lechan.DossierCode, commune.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(hongan.DossierCode, commune.Html, StringComparison.Ordinal);
    }

    /// <summary>The book entry each case's case-received event records, by case id.</summary>
    private static async Task<Dictionary<string, TrackingBookEntry>> EntriesAsync(TestApp app)
    {
        await using var db = app.Db();
        var received = await db.Events.Where(e => e.Type == "case-received")
            .Select(e => new { e.CaseId, e.Type, e.Payload }).ToListAsync(TestContext.Current.CancellationToken);
        return received.ToDictionary(
            e => e.CaseId,
            e => ((CaseReceived)EventSerializer.Deserialize(e.Type, e.Payload)).Book
                ?? throw new InvalidOperationException($"Case {e.CaseId} was received without a book entry."));
    }
}

public sealed class SqliteTrackingBookTests() : TrackingBookContract(StorageProvider.Sqlite);

public sealed class PostgresTrackingBookTests() : TrackingBookContract(StorageProvider.Postgres);
