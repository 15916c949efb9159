using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Mail;

namespace OneStopWorkflow.Persistence.Outbox;

/// <summary>The outbox's table in the model, and the rows a decision's rendered mails become.</summary>
public static class OutboxRows
{
    /// <summary>The domain of every Message-ID the outbox writes.</summary>
    public const string MessageIdDomain = "onestop.local";

    /// <summary>The Message-ID of a case's mail: the same for every attempt to send it.</summary>
    public static string MessageIdOf(string caseId, int sequence, MailKind kind) =>
        $"<{caseId}.{sequence}.{MailKinds.Name(kind)}@{MessageIdDomain}>";

    /// <summary>
    /// The rows of <paramref name="mails"/>, each due at the moment of the event that caused it (its
    /// <paramref name="at"/>).
    /// </summary>
    public static IReadOnlyList<OutboxMessageRow> Of(
        string caseId, IReadOnlyList<RenderedMail> mails, Func<int, DateTimeOffset> at)
    {
        ArgumentNullException.ThrowIfNull(mails);
        ArgumentNullException.ThrowIfNull(at);
        return [.. mails.Select(m => new OutboxMessageRow
        {
            CaseId = caseId, EventSequence = m.Sequence, Kind = MailKinds.Name(m.Kind), Recipient = m.Recipient,
            Subject = m.Subject, Body = m.Body, MessageId = MessageIdOf(caseId, m.Sequence, m.Kind),
            CreatedAt = at(m.Sequence), NextAttemptAt = at(m.Sequence),
        })];
    }

    /// <summary>The table <c>outbox_messages</c>: its key per event and recipient, the senders' due index.</summary>
    public static void Configure(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<OutboxMessageRow>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasIndex(m => new { m.CaseId, m.EventSequence, m.Kind, m.Recipient }).IsUnique();
            e.HasIndex(m => m.NextAttemptAt);
            e.Property(m => m.CaseId).HasMaxLength(40);
            e.Property(m => m.Kind).HasMaxLength(32);
            e.Property(m => m.Recipient).HasMaxLength(MailRecipient.MaxLength);
            e.Property(m => m.MessageId).HasMaxLength(200);
        });
    }
}
