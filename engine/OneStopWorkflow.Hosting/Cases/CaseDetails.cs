using System.Collections.Immutable;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>A case with its trail, its documents and what the caller may do with it now.</summary>
public sealed record CaseDetails(
    CaseView Case, ImmutableArray<TrailEntry> Trail, ImmutableArray<DocumentSummary> Documents,
    ImmutableArray<AvailableAction> AvailableActions)
{
    /// <summary>Hand-up, reschedule and withdrawal, when the caller may ask for them now.</summary>
    public CaseOffers Offers { get; init; } = CaseOffers.None;

    /// <summary>The queue ticket the dossier was received for at the counter, if it came through the queue.</summary>
    public CaseTicket? Ticket { get; init; }

    /// <summary>
    /// The case as a command on these details left it, from the command's answer alone; null when the answer holds
    /// no rows or does not follow on from this trail (then the case is read again).
    /// </summary>
    public CaseDetails? After(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result is not { Case: { } view, Written: { } written }
            || written.Trail.IsEmpty
            || written.Trail[0].Sequence != (Trail.IsEmpty ? 0 : Trail[^1].Sequence) + 1
            || written.Trail[^1].Sequence != view.Version)
        {
            return null;
        }

        return this with
        {
            Case = view, Trail = Trail.AddRange(written.Trail), Documents = Documents.AddRange(written.Documents),
            AvailableActions = written.AvailableActions, Offers = written.Offers,
        };
    }
}

/// <summary>A case's queue ticket: its number of the day and the counter it was served at.</summary>
public sealed record CaseTicket(int Number, int? Counter);

/// <summary>A case's details, or why they cannot be had (an unknown case, or one the caller may not read).</summary>
public sealed record CaseDetailsResult(CaseDetails? Details, Rejection? Rejection) : IRefusable<CaseDetailsResult>
{
    public static CaseDetailsResult Refused(Rejection rejection) => new(null, rejection);
}
