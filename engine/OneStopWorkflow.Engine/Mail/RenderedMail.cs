namespace OneStopWorkflow.Engine.Mail;

/// <summary>
/// A mail a case sends, rendered: the trail sequence number of the event that caused it, its kind, the applicant's
/// address, the subject line and the plain-text body.
/// </summary>
public sealed record RenderedMail(int Sequence, MailKind Kind, string Recipient, string Subject, string Body);
