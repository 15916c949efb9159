using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>
/// A queue ticket: the centre's number of the day, its state (waiting, called, served, skipped), who called it to
/// which counter, and what the visit became. Times are in the centre's local time.
/// </summary>
public sealed record TicketView(long Id, string Centre, int Number, string State, DateTimeOffset IssuedAt)
{
    public DateTimeOffset? CalledAt { get; init; }

    /// <summary>The caller's user name, for integrations; people read <see cref="CalledByName"/>.</summary>
    public string? CalledBy { get; init; }

    /// <summary>The caller's full name.</summary>
    public string? CalledByName { get; init; }

    public int? Counter { get; init; }
    public int Recalls { get; init; }
    public DateTimeOffset? RecalledAt { get; init; }

    /// <summary>advice or dossier once served.</summary>
    public string? Visit { get; init; }

    public string? CaseId { get; init; }
    public string? DossierCode { get; init; }
    public string? Note { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
}

/// <summary>A ticket after a command, or why the command was refused.</summary>
public sealed record TicketResult(TicketView? Ticket, Rejection? Rejection) : IRefusable<TicketResult>
{
    public static TicketResult Refused(Rejection rejection) => new(null, rejection);
}
