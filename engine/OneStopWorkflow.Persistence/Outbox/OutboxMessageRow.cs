namespace OneStopWorkflow.Persistence.Outbox;

/// <summary>
/// A mail to a case's applicant, written in the same transaction as the event that caused it and sent later by the
/// outbox sender. Unique per (case, event sequence, kind, recipient): one row per event and recipient, whatever
/// retries a command or a writer makes. <see cref="MessageId"/> is derived from that key, so a mail sent again
/// carries the same Message-ID and a mailbox can drop the copy.
/// </summary>
public sealed class OutboxMessageRow
{
    public long Id { get; set; }
    public string CaseId { get; set; } = null!;

    /// <summary>The trail sequence number of the event that caused the mail.</summary>
    public int EventSequence { get; set; }

    /// <summary>The mail's kind: receipt, supplement-request, refusal, apology, result.</summary>
    public string Kind { get; set; } = null!;

    public string Recipient { get; set; } = null!;
    public string Subject { get; set; } = null!;
    public string Body { get; set; } = null!;

    /// <summary>The Message-ID header with its brackets: <c>&lt;case.sequence.kind@onestop.local&gt;</c>.</summary>
    public string MessageId { get; set; } = null!;

    /// <summary>When the event happened; the mail's Date header, the same on every attempt.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Sending attempts started (a claim counts one, so a sender killed mid-send counts too).</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// When a sender may take the row next: due from <see cref="CreatedAt"/>, moved on by a claim (the lease) and by a
    /// failure (the backoff); null once sent or given up.
    /// </summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>What the last failed attempt said (the SMTP server's answer or the connection's error).</summary>
    public string? LastError { get; set; }
}
