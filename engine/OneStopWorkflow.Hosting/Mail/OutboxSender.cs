using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using OneStopWorkflow.Persistence.Outbox;

namespace OneStopWorkflow.Hosting.Mail;

/// <summary>
/// Sends the outbox's mails over SMTP (MailKit): takes the rows due, oldest first, claims each with a conditional
/// update, sends it and marks it sent; a failure is kept on the row and retried after an exponential backoff.
/// </summary>
/// <remarks>
/// The guarantee is <b>at-least-once delivery with a stable Message-ID</b>. A mail is marked sent only after the SMTP
/// server accepted it, so a sender that dies in between (the process killed, the database gone) sends it again once
/// its lease runs out, with the same Message-ID, Date and text, and a mailbox or the recipient's server can drop the
/// copy. Nothing is lost: the row was written in the transaction of its event. Several senders (app nodes, the CLI)
/// share one outbox: a claim moves the row's next attempt to the end of a lease only if nobody moved it since it was
/// read, so two senders never take the same row at once; a sender slower than its lease may overlap the next one,
/// which again only sends a copy with the same Message-ID.
/// </remarks>
public sealed partial class OutboxSender(
    TimeProvider time, IOptions<OneStopOptions> options, ILogger<OutboxSender> logger)
    : BackgroundService
{
    /// <summary>
    /// Set to 1 in the fault tests only: the process kills itself (SIGKILL) right after the SMTP server accepted a
    /// mail and before the row is marked sent, the window in which a crash makes a resend.
    /// </summary>
    public const string CrashAfterSendVariable = "OSW_MAIL_CRASH_AFTER_SEND";

    private readonly MailOptions _options = options.Value.Mail;

    private readonly OneStopOptions _store = options.Value;

    private readonly bool _crashAfterSend = Environment.GetEnvironmentVariable(CrashAfterSendVariable) == "1";

    /// <summary>
    /// One pass: sends the mails due now, at most <paramref name="max"/> (the configured batch when null); returns
    /// how many were sent and how many failed. An unreachable server fails the first mail and ends the pass.
    /// </summary>
    public async Task<OutboxPass> SendDueAsync(int? max, CancellationToken cancellationToken)
    {
        var limit = Math.Max(1, max ?? _options.Batch);
        await using var outbox = await OutboxStatements.OpenAsync(_store.Provider, _store.ConnectionString,
            cancellationToken);
        var due = await outbox.DueAsync(time.GetUtcNow(), limit, cancellationToken);
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        var (sent, failed) = (0, 0);
        foreach (var row in due)
        {
            if (!await ClaimAsync(outbox, row, cancellationToken))
            {
                continue;
            }

            try
            {
                var message = Message(row);
                await ConnectAsync(client, cancellationToken);
                await client.SendAsync(message, cancellationToken);
            }
            catch (Exception ex)
                when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed++;
                var giveUp = IsPermanent(ex);
                await FailedAsync(outbox, row, ex, giveUp, cancellationToken);
                if (!giveUp)
                {
                    LogSendFailed(row.MessageId, row.Attempts, ex.Message);
                    await client.DisconnectAsync(false, CancellationToken.None);
                    break;
                }

                LogGaveUp(row.MessageId, ex.Message);
                continue;
            }

            if (_crashAfterSend)
            {
                // The fault test's kill: the server has the mail, the outbox does not know yet.
                System.Diagnostics.Process.GetCurrentProcess().Kill();
            }

            await outbox.SentAsync(row.Id, time.GetUtcNow(), CancellationToken.None);
            sent++;
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(true, CancellationToken.None);
        }

        return new OutboxPass(sent, failed);
    }

    /// <summary>
    /// Takes the row for this sender until the lease ends: only if no other sender moved its next attempt since it
    /// was read. Counts the attempt now, so one whose sender died counts too.
    /// </summary>
    private async Task<bool> ClaimAsync(
        OutboxStatements outbox, OutboxMessageRow row, CancellationToken cancellationToken)
    {
        var claimed = await outbox.ClaimAsync(row, time.GetUtcNow() + _options.Lease, cancellationToken);
        row.Attempts++;
        return claimed;
    }

    /// <summary>Keeps the error; the row is due again after the backoff, or never when it cannot arrive.</summary>
    private async Task FailedAsync(
        OutboxStatements outbox, OutboxMessageRow row, Exception ex, bool giveUp, CancellationToken cancellationToken)
    {
        DateTimeOffset? next = giveUp ? null : time.GetUtcNow() + BackoffAfter(row.Attempts, _options);
        await outbox.FailedAsync(row.Id, next, Shorten($"{ex.GetType().Name}: {ex.Message}"), cancellationToken);
    }

    /// <summary>The wait after failed attempt number <paramref name="attempts"/>: backoff × 2^(n−1), capped.</summary>
    public static TimeSpan BackoffAfter(int attempts, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var wait = options.Backoff.TotalSeconds * Math.Pow(2, doublings);
        return TimeSpan.FromSeconds(Math.Min(wait, options.MaxBackoff.TotalSeconds));
    }

    /// <summary>
    /// An address that cannot be one, or a server's permanent refusal of the recipient or the message (5xx): sending
    /// again cannot help, so the row is given up with its error kept. Anything else is tried again.
    /// </summary>
    private static bool IsPermanent(Exception ex) => ex switch
    {
        ParseException => true,
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted }
            c => (int)c.StatusCode >= 500,
        _ => false,
    };

    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        if (client.IsConnected)
        {
            return;
        }

        await client.ConnectAsync(_options.Host, _options.Port, SecurityOf(_options.Security), cancellationToken);
        if (!string.IsNullOrEmpty(_options.User))
        {
            await client.AuthenticateAsync(_options.User, _options.Password ?? "", cancellationToken);
        }
    }

    /// <summary>The MailKit setting a <see cref="MailOptions.Security"/> word stands for.</summary>
    public static SecureSocketOptions SecurityOf(string security) => security.Trim().ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" or "tls" => SecureSocketOptions.SslOnConnect,
        "auto" => SecureSocketOptions.Auto,
        var other => throw new InvalidOperationException(
            $"OneStop:Mail:Security '{other}' is not known; use none, starttls, ssl or auto."),
    };

    /// <summary>
    /// The mail of a row, the same bytes on every attempt: its Message-ID and Date come from the row, not the moment.
    /// </summary>
    public MimeMessage Message(OutboxMessageRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var message = new MimeMessage
        {
            MessageId = row.MessageId.Trim('<', '>'),
            Date = row.CreatedAt,
            Subject = row.Subject,
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = row.Body },
        };
        message.From.Add(new MailboxAddress(_options.FromName, _options.From));
        message.To.Add(MailboxAddress.Parse(row.Recipient));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    private static string Shorten(string text) => text.Length <= 1000 ? text : text[..1000];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Interval, time);
        do
        {
            try
            {
                // A full pass may leave more due: go on at once until a pass sends less than a batch.
                while ((await SendDueAsync(null, stoppingToken)) is { Sent: var sent } && sent >= _options.Batch)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Mail {MessageId} was not sent (attempt {Attempts}): {Error}; it is tried again after a backoff.")]
    private partial void LogSendFailed(string messageId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Mail {MessageId} cannot be delivered ({Error}); it is not tried again.")]
    private partial void LogGaveUp(string messageId, string error);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "An outbox pass failed; the next pass tries again, and claimed mails return when their lease ends.")]
    private partial void LogPassFailed(Exception exception);
}

/// <summary>What one pass of the outbox sender did.</summary>
public sealed record OutboxPass(int Sent, int Failed);
