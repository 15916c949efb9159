using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Mail;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Mail;

/// <summary>
/// The outbox sender against a real SMTP server (aiosmtpd, its Maildir read back): it delivers the mail as written,
/// marks it sent once, and keeps a mail it could not hand over, trying again after a doubling backoff.
/// </summary>
public abstract class OutboxSenderContract(StorageProvider provider) : StoreContract(provider)
{
    private readonly StorageProvider _provider = provider;

    private const string Email = "tran.thi.binh@example.vn";

    private async Task<TestApp> StartAsync(int smtpPort) => await TestApp.StartAsync(
        await TestApp.DatabaseAsync(_provider), At("2026-03-02T09:00:00+07:00"), new()
        {
            ["OneStop:Mail:Host"] = "127.0.0.1",
            ["OneStop:Mail:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OneStop:Mail:Security"] = "none",
            ["OneStop:Mail:Timeout"] = "00:00:05",
        });

    private static Task<CaseResult> ReceiveAsync(TestApp app) => app.SendAsync(People.ClerkLeChan,
        new ReceiveCase("land-use-transfer", "HP.LECHAN")
        {
            Fields = LandTransferFields.Complete.SetItem("applicant_email", Email),
            Components = LandTransferFields.Components,
        });

    [Fact]
    public async Task The_sender_delivers_the_receipt_mail_to_the_SMTP_server_and_marks_it_sent_once()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAsync(smtp.Port);
        var view = (await ReceiveAsync(app)).Case!;
        var sender = app.Services.GetRequiredService<OutboxSender>();

        await SentAsync(app, sender);
        Assert.Equal(new OutboxPass(0, 0), await sender.SendDueAsync(null, TestContext.Current.CancellationToken));

        await using var db = app.Db();
        var row = await db.OutboxMessages.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((1, app.Clock.GetUtcNow(), null), (row.Attempts, row.SentAt, row.NextAttemptAt));
        var mail = Assert.Single(smtp.Messages());
        Assert.Equal(row.MessageId, $"<{mail.MessageId}>");
        Assert.Equal(Email, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("mot-cua@onestop.local", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("Bộ phận Một cửa", Assert.Single(mail.From.Mailboxes).Name);
        Assert.Equal(row.CreatedAt, mail.Date);
        Assert.Equal(row.Subject, mail.Subject);
        Assert.StartsWith(
            $"[{view.DossierCode}] Đã tiếp nhận hồ sơ: Đăng ký biến động", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"Mã hồ sơ: {view.DossierCode}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hẹn trả kết quả:", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(row.Body, (mail.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mail_the_server_did_not_take_is_kept_and_tried_again_after_a_doubling_backoff()
    {
        var port = SmtpServer.FreePort();
        await using var app = await StartAsync(port);
        await ReceiveAsync(app);
        var sender = app.Services.GetRequiredService<OutboxSender>();
        var token = TestContext.Current.CancellationToken;

        // Nobody listens: the attempt fails, is counted and kept with its error, due again in 30 s.
        Assert.Equal(new OutboxPass(0, 1), await sender.SendDueAsync(null, token));
        var failedAt = app.Clock.GetUtcNow();
        var row = await RowAsync(app);
        Assert.Equal((1, failedAt + TimeSpan.FromSeconds(30), null), (row.Attempts, row.NextAttemptAt, row.SentAt));
        Assert.NotNull(row.LastError);

        app.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(new OutboxPass(0, 0), await sender.SendDueAsync(null, token));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new OutboxPass(0, 1), await sender.SendDueAsync(null, token));
        row = await RowAsync(app);
        Assert.Equal((2, app.Clock.GetUtcNow() + TimeSpan.FromSeconds(60)), (row.Attempts, row.NextAttemptAt));

        // The server comes up; the mail goes at its next due time, and its error is cleared.
        await using var smtp = await SmtpServer.StartAsync(port);
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        await SentAsync(app, sender);
        row = await RowAsync(app);
        Assert.Equal((3, null, null), (row.Attempts, row.NextAttemptAt, row.LastError));
        Assert.Equal(row.MessageId, $"<{Assert.Single(smtp.Messages()).MessageId}>");
    }

    [Fact]
    public void The_backoff_doubles_from_30_seconds_and_stops_at_an_hour()
    {
        var options = new MailOptions();
        Assert.Equal(
            [30, 60, 120, 240, 480, 960, 1920, 3600, 3600],
            Enumerable.Range(1, 9).Select(n => OutboxSender.BackoffAfter(n, options).TotalSeconds));
    }

    /// <summary>One pass sends the one mail; else the row's error says why.</summary>
    private static async Task SentAsync(TestApp app, OutboxSender sender)
    {
        var pass = await sender.SendDueAsync(null, TestContext.Current.CancellationToken);
        Assert.True(pass == new OutboxPass(1, 0), $"{pass}: {(await RowAsync(app)).LastError}");
    }

    private static async Task<Persistence.Outbox.OutboxMessageRow> RowAsync(TestApp app)
    {
        await using var db = app.Db();
        return await db.OutboxMessages.SingleAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class SqliteOutboxSenderTests() : OutboxSenderContract(StorageProvider.Sqlite);

public sealed class PostgresOutboxSenderTests() : OutboxSenderContract(StorageProvider.Postgres);
