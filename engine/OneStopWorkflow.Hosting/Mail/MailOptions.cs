namespace OneStopWorkflow.Hosting.Mail;

/// <summary>
/// <c>OneStop:Mail</c>: the SMTP server the outbox sender hands the applicants' mails to, and how it retries. The
/// outbox is written whatever these say; <see cref="Enabled"/> only starts the sender in this process.
/// </summary>
public sealed record MailOptions
{
    /// <summary>Run the background sender in this process (off by default: an unset server would only fail).</summary>
    public bool Enabled { get; init; }

    public string Host { get; init; } = "localhost";
    public int Port { get; init; } = 25;

    /// <summary>
    /// <c>none</c> (plain, a local relay), <c>starttls</c> (required), <c>ssl</c> (TLS from the first byte, port 465)
    /// or <c>auto</c> (STARTTLS when the server offers it).
    /// </summary>
    public string Security { get; init; } = "auto";

    /// <summary>Signs in with these when a user is set.</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>The sender's address and the name mail programs show for it.</summary>
    public string From { get; init; } = "mot-cua@onestop.local";

    public string FromName { get; init; } = "Bộ phận Một cửa";

    /// <summary>How often the sender looks for mails due.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The most mails one pass sends.</summary>
    public int Batch { get; init; } = 50;

    /// <summary>
    /// How long a claimed mail is kept from other senders: a sender that dies while sending gives it back after this.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the first failure; it doubles after each one, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long one SMTP exchange may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
