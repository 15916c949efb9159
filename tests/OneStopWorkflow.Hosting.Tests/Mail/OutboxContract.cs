using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Mail;

/// <summary>
/// Mail to the applicant (issue 19, point 4): each event that causes a mail writes exactly one outbox row per
/// recipient, in the transaction of the event; a case without an address writes none and is received all the same.
/// </summary>
public abstract class OutboxContract(StorageProvider provider) : StoreContract(provider)
{
    private const string Email = "nguyen.van.an@example.vn";

    private static ImmutableDictionary<string, string> Fields(string? email) => email is null
        ? LandTransferFields.Complete
        : LandTransferFields.Complete.SetItem("applicant_email", email);

    private static ReceiveCase Receipt(string? email) => new("land-use-transfer", "HP.LECHAN")
    {
        Fields = Fields(email), Components = LandTransferFields.Components,
    };

    [Fact]
    public async Task A_receipt_to_an_applicant_with_an_email_writes_one_outbox_row_beside_its_event()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var result = await app.SendAsync(People.ClerkLeChan, Receipt($"  {Email} "));
        Assert.False(result.IsRejected, string.Join("; ", result.Rejections));
        var view = result.Case!;

        await using var db = app.Db();
        var row = Assert.Single(await db.OutboxMessages.ToListAsync(TestContext.Current.CancellationToken));
        var receipt = await db.Events.SingleAsync(
            e => e.CaseId == view.Id && e.Sequence == row.EventSequence, TestContext.Current.CancellationToken);
        Assert.Equal("document-issued", receipt.Type);
        Assert.Contains("\"01\"", receipt.Payload, StringComparison.Ordinal);
        Assert.Equal((view.Id, "receipt", Email), (row.CaseId, row.Kind, row.Recipient));
        Assert.Equal($"<{view.Id}.{row.EventSequence}.receipt@onestop.local>", row.MessageId);
        Assert.Equal(receipt.At, row.CreatedAt);
        Assert.Equal(row.CreatedAt, row.NextAttemptAt);
        Assert.Equal((0, null, null), (row.Attempts, row.SentAt, row.LastError));

        // The text comes from the shared template on the papers' model: Vietnamese, the code, the appointment.
        Assert.StartsWith(
            $"[{view.DossierCode}] Đã tiếp nhận hồ sơ: Đăng ký biến động", row.Subject, StringComparison.Ordinal);
        Assert.Contains("Kính gửi ông/bà Nguyễn Văn An,", row.Body, StringComparison.Ordinal);
        Assert.Contains($"Mã hồ sơ: {view.DossierCode}", row.Body, StringComparison.Ordinal);
        Assert.Matches(@"Hẹn trả kết quả: \d\d giờ \d\d phút, ngày \d\d tháng \d\d? năm 2026", row.Body);
        var secret = await app.SecretOnReceiptAsync(view.Id);
        Assert.Contains($"với mã tra cứu {secret}.", row.Body, StringComparison.Ordinal);
        Assert.Contains("code=" + Uri.EscapeDataString(view.DossierCode), row.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("không có")]
    [InlineData("an@")]
    public async Task A_case_without_a_usable_email_is_received_and_writes_no_outbox_row(string? email)
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var result = await app.SendAsync(People.ClerkLeChan, Receipt(email));
        Assert.False(result.IsRejected, string.Join("; ", result.Rejections));

        await using var db = app.Db();
        Assert.Equal(1, await db.Cases.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.OutboxMessages.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_refused_command_writes_no_outbox_row_and_a_supplement_request_and_a_refusal_each_write_one()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");

        // Refused by the engine (a contract date after today): nothing is written, neither case nor mail.
        var refused = await app.SendAsync(People.ClerkLeChan, Receipt(Email) with
        {
            Fields = Fields(Email).SetItem("contract_date", "2026-03-09"),
        });
        Assert.True(refused.IsRejected);

        var supplement = await app.SendAsync(People.ClerkLeChan, Receipt(Email) with
        {
            IntakeAction = "request-supplement",
            Input = ImmutableDictionary<string, string>.Empty.Add("reason", "Hợp đồng chưa được công chứng"),
            Components = [LandTransferFields.Components[0]],
        });
        Assert.False(supplement.IsRejected, string.Join("; ", supplement.Rejections));
        var refusal = await app.SendAsync(People.ClerkLeChan, Receipt(Email) with
        {
            IntakeAction = "refuse",
            Input = ImmutableDictionary<string, string>.Empty.Add("reason", "Giấy chứng nhận không đứng tên người nộp"),
        });
        Assert.False(refusal.IsRejected, string.Join("; ", refusal.Rejections));

        await using var db = app.Db();
        Assert.Equal(2, await db.Cases.CountAsync(TestContext.Current.CancellationToken));
        var rows = await db.OutboxMessages.OrderBy(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            [(supplement.Case!.Id, "supplement-request"), (refusal.Case!.Id, "refusal")],
            rows.Select(r => (r.CaseId, r.Kind)));
        Assert.Contains("Lý do: Hợp đồng chưa được công chứng", rows[0].Body, StringComparison.Ordinal);
        Assert.Contains("Giấy tờ cần bổ sung:", rows[0].Body, StringComparison.Ordinal);
        Assert.Contains("Lý do: Giấy chứng nhận không đứng tên người nộp", rows[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("mã tra cứu", rows[1].Body, StringComparison.Ordinal);
        Assert.StartsWith(
            $"[{supplement.Case.DossierCode}] Đề nghị bổ sung", rows[0].Subject, StringComparison.Ordinal);
        Assert.StartsWith(
            $"[{refusal.Case.DossierCode}] Từ chối tiếp nhận", rows[1].Subject, StringComparison.Ordinal);
    }
}

public sealed class SqliteOutboxTests() : OutboxContract(StorageProvider.Sqlite);

public sealed class PostgresOutboxTests() : OutboxContract(StorageProvider.Postgres);
