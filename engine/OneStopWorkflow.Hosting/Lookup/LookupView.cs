using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Hosting.Lookup;

/// <summary>What a citizen sees of their dossier: no names, no internal notes.</summary>
public sealed record LookupView(
    string DossierCode, string Procedure, string Status, DateTimeOffset ReceivedAt, DateTimeOffset? Appointment,
    DateTimeOffset? FinishedAt, string? Outcome, ImmutableArray<string> StepsDone, string CollectAt, bool CanRate,
    int? Rating)
{
    /// <summary>
    /// Where the dossier is now, in words: the open step, or that it waits for the citizen's supplement since a day.
    /// </summary>
    public ImmutableArray<LocalizedText> NowAt { get; init; } = [];

    /// <summary>What the unit asked the citizen to add, while the dossier waits for it; null otherwise.</summary>
    public SupplementAsked? Supplement { get; init; }
}

/// <summary>
/// A supplement request the citizen may answer online: the clerk's words and the components, each with whether a
/// required one is still missing.
/// </summary>
public sealed record SupplementAsked(string Reason, ImmutableArray<SupplementComponent> Components);

public sealed record SupplementComponent(string Id, LocalizedText Name, bool Required, bool Missing);

/// <summary>The citizen's view of a dossier, or why it cannot be shown.</summary>
public sealed record LookupResult(LookupView? Case, Rejection? Rejection);
