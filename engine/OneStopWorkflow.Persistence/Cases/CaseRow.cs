using OneStopWorkflow.Engine.Json;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Persistence.Cases;

/// <summary>
/// The snapshot of a case for queries. The truth is the trail of <see cref="Trail.EventRow"/>s; this row is
/// rewritten with every command, and <see cref="Version"/> (the number of events) guards it against lost updates.
/// </summary>
public sealed partial class CaseRow
{
    public string Id { get; set; } = null!;
    public string DossierCode { get; set; } = null!;

    /// <summary>
    /// The hash of the lookup secret printed on the receipt (see <see cref="LookupSecret"/>), never the secret: the
    /// lookup compares against it without reading the trail.
    /// </summary>
    public string SecretHash { get; set; } = null!;

    public string ProcedureCode { get; set; } = null!;
    public int ProcedureVersion { get; set; }
    public string ProcedureHash { get; set; } = null!;
    public string ReceivingUnit { get; set; } = null!;
    public string Channel { get; set; } = null!;
    public CaseStatus Status { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? Appointment { get; set; }
    public DateTimeOffset? PromisedAppointment { get; set; }

    /// <summary>
    /// When the deadline scanner should next tick this case; null when nothing time-driven is pending.
    /// </summary>
    public DateTimeOffset? NextDueAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
    public string? Outcome { get; set; }

    /// <summary>
    /// The engine's timeliness as stored: early (before the appointment's day), on-time or late; null while open.
    /// </summary>
    public string? Timeliness { get; set; }

    /// <summary>
    /// How a <see cref="Engine.Runtime.Timeliness"/> is written in <see cref="Timeliness"/> and in SQL.
    /// </summary>
    public static string TimelinessText(Timeliness timeliness) => Names.Kebab(timeliness.ToString());

    /// <summary>The local day of receipt, yyyy-MM-dd, for daily figures grouped by the database.</summary>
    public string ReceivedDay { get; set; } = null!;

    /// <summary>The local day the case finished, yyyy-MM-dd.</summary>
    public string? FinishedDay { get; set; }

    /// <summary>The number of events on the trail; the optimistic concurrency token.</summary>
    public int Version { get; set; }

    /// <summary>The hash of the last event, which the next event chains to.</summary>
    public string LastHash { get; set; } = null!;

    /// <summary>Which scanner holds the case for a tick, and until when (a lease that a crash lets expire).</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}

