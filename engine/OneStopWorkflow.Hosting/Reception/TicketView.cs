using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Reception;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>A called queue ticket: the centre's number of the day, who called it, and what the visit became.</summary>
public sealed record TicketView(
    long Id, string Centre, int Number, DateTimeOffset CalledAt, string CalledBy, string? Visit, string? CaseId)
{
    internal static TicketView Of(QueueTicketRow row, DateTimeOffset calledAt) =>
        new(row.Id, row.Centre, row.Number, calledAt, row.CalledBy, row.Visit, row.CaseId);
}

/// <summary>A ticket after a command, or why the command was refused.</summary>
public sealed record TicketResult(TicketView? Ticket, Rejection? Rejection) : IRefusable<TicketResult>
{
    public static TicketResult Refused(Rejection rejection) => new(null, rejection);
}
