using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Mail;
using OneStopWorkflow.Persistence.Outbox;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Cli.Tests.Mail;

/// <summary>
/// The outbox acceptance test (issue 19, point 4): <c>onestop mail send --once</c> is killed (SIGKILL, by the
/// <see cref="Hosting.Mail.OutboxSender.CrashAfterSendVariable"/> hook) right after the real SMTP server accepted a
/// mail and before the outbox marked it sent, 100 times, restarted each time; then one run without the hook. Every
/// mail must have arrived, and every copy of a mail sent again must carry its Message-ID: at-least-once delivery with
/// an idempotent Message-ID. The counts are written to tests/artifacts/outbox/kill-test.txt.
/// </summary>
public sealed class MailKillTests
{
    private const int Mails = 20;
    private const int Kills = 100;

    [Fact]
    public async Task Killed_100_times_between_sending_and_marking_sent_no_mail_is_lost_and_copies_keep_the_Message_ID()
    {
        var token = TestContext.Current.CancellationToken;
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            await OneStopDatabase.MigrateAsync(db, token);
            var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
            for (var n = 0; n < Mails; n++)
            {
                var mail = new RenderedMail(3, MailKind.Receipt, $"cong.dan.{n}@example.vn",
                    $"[HP.LECHAN-260302-{n + 1:0000}] Đã tiếp nhận hồ sơ",
                    $"Kính gửi ông/bà Nguyễn Văn {n},\n\nMã hồ sơ: HP.LECHAN-260302-{n + 1:0000}\n");
                db.OutboxMessages.AddRange(OutboxRows.Of($"case{n:00}", [mail], _ => at.AddMinutes(n)));
            }

            await db.SaveChangesAsync(token);
        }

        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "sqlite",
            ["ConnectionStrings__OneStop"] = database.ConnectionString,
            ["OneStop__Mail__Host"] = SmtpServer.Host,
            ["OneStop__Mail__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["OneStop__Mail__Security"] = "none",

            // A killed sender's claim runs out at once, so the next run may take the mail again.
            ["OneStop__Mail__Lease"] = "00:00:00",
        };
        var crashing = new Dictionary<string, string>(environment)
        {
            [Hosting.Mail.OutboxSender.CrashAfterSendVariable] = "1",
        };

        var watch = Stopwatch.StartNew();
        for (var kill = 1; kill <= Kills; kill++)
        {
            var run = await Onestop.RunAsync(crashing, "mail", "send", "--once");

            // 137 = killed by SIGKILL: the process died, and the mail it sent is in the mailbox all the same.
            Assert.True(run.ExitCode == 137, $"run {kill} exited {run.ExitCode}: {run.Output}{run.Error}");
            Assert.Equal(kill, smtp.Count());
        }

        var final = await Onestop.RunAsync(environment, "mail", "send");
        watch.Stop();
        Assert.Equal((0, $"mail: sent {Mails}, failed 0\n"), (final.ExitCode, final.Output));

        var received = smtp.Messages();
        List<OutboxMessageRow> rows;
        await using (var db = database.CreateContext())
        {
            rows = await db.OutboxMessages.OrderBy(m => m.Id).ToListAsync(token);
        }

        // Every mail arrived; copies share the Message-ID (and date, subject, body), one Message-ID per outbox row.
        Assert.Equal(Kills + Mails, received.Count);
        var byId = received.GroupBy(m => $"<{m.MessageId}>").ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(rows.Count, byId.Count);
        Assert.Equal(
            rows.Select(r => r.MessageId).Order(StringComparer.Ordinal), byId.Keys.Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var copies = byId[row.MessageId];
            Assert.All(copies, m => Assert.Equal(
                (row.Subject, row.CreatedAt, row.Body, row.Recipient),
                (m.Subject, m.Date, (m.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal),
                    m.To.Mailboxes.Single().Address)));
            Assert.NotNull(row.SentAt);
            Assert.Equal(copies.Count, row.Attempts);
        }

        var copiesPerMail = rows.Select(r => byId[r.MessageId].Count).ToList();
        var note = FormattableString.Invariant(
                $"outbox kill test: {Kills} senders killed (SIGKILL) after the SMTP server accepted a mail and ")
            + FormattableString.Invariant(
                $"before it was marked sent, then one clean run; {rows.Count} outbox mails, {received.Count} ")
            + FormattableString.Invariant(
                $"messages received, {byId.Count} distinct Message-IDs, 0 lost, copies per mail ")
            + FormattableString.Invariant(
                $"{copiesPerMail.Min()}-{copiesPerMail.Max()}, every copy with its mail's Message-ID; ")
            + FormattableString.Invariant($"{watch.Elapsed.TotalSeconds:0.0} s. ")
            + "Guarantee: at-least-once delivery with an idempotent Message-ID.\n";
        var artifacts = Repository.PathOf("tests", "artifacts", "outbox");
        Directory.CreateDirectory(artifacts);
        await File.WriteAllTextAsync(Path.Combine(artifacts, "kill-test.txt"), note, token);
        TestContext.Current.SendDiagnosticMessage(note);
    }
}
