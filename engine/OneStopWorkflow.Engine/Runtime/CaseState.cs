using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// A case as the fold of its events. <see cref="Apply"/> is the only way it changes, so replaying the trail
/// always gives the same state.
/// </summary>
public sealed record CaseState
{
    public required CaseId Id { get; init; }
    public required ProcedureCode Procedure { get; init; }
    public required int ProcedureVersion { get; init; }
    public required string ProcedureHash { get; init; }
    public required string DossierCode { get; init; }

    /// <summary>
    /// The hash of the lookup secret the citizen's receipt printed (see <see cref="LookupSecret"/>); null on a trail
    /// from before secrets were hashed, whose hash the store keeps.
    /// </summary>
    public string? SecretHash { get; init; }

    public required string ReceivingUnit { get; init; }
    public required string Channel { get; init; }
    public required ImmutableDictionary<string, string> Fields { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The case's entry in the receiving unit's tracking book, if one was kept.</summary>
    public TrackingBookEntry? Book { get; init; }

    /// <summary>
    /// When the clock first started (the complete dossier was accepted); null before. A restart after a supplement
    /// does not move it: Decision 766 counts processing time from here, less the time the clock was stopped.
    /// </summary>
    public DateTimeOffset? ClockStartedAt { get; init; }

    /// <summary>Where the citizen collects the result, when they chose it online; null at the counter.</summary>
    public string? Delivery { get; init; }

    /// <summary>The appointment the law sets, moved by pauses and restarts but never by a reschedule.</summary>
    public DateTimeOffset? Appointment { get; init; }

    /// <summary>The date promised after an apology (at most one), if any.</summary>
    public DateTimeOffset? PromisedAppointment { get; init; }

    /// <summary>
    /// The papers handed in so far, summed by component and form in the order first handed in; null for a case
    /// received before components were recorded.
    /// </summary>
    public ImmutableArray<ReceivedComponent>? Received { get; init; }

    public DateTimeOffset? PausedSince { get; init; }
    public ImmutableList<TaskState> Tasks { get; init; } = [];
    public ImmutableDictionary<StepId, ImmutableHashSet<StepId>> JoinArrivals { get; init; } =
        ImmutableDictionary<StepId, ImmutableHashSet<StepId>>.Empty;
    public ImmutableHashSet<string> FiredEscalations { get; init; } = [];
    public Outcome? Outcome { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>When the electronic result was filed (<see cref="EResultIssued"/>); null while there is none.</summary>
    public DateTimeOffset? EResultAt { get; init; }

    /// <summary>The number of events folded: the version a caller saw.</summary>
    public int Version { get; init; }

    public DateTimeOffset LastEventAt { get; init; }

    public bool IsFinished => Outcome is not null;

    public CaseStatus Status =>
        IsFinished ? CaseStatus.Finished : PausedSince is not null ? CaseStatus.Paused : CaseStatus.Open;

    public IEnumerable<TaskState> OpenTasks => Tasks.Where(t => t.IsOpen);

    /// <summary>
    /// The appointment to tell the citizen: the promised one after an apology, else the statutory one.
    /// </summary>
    public DateTimeOffset? CurrentAppointment => PromisedAppointment ?? Appointment;

    public static CaseState Start(CaseReceived received)
    {
        ArgumentNullException.ThrowIfNull(received);
        return new CaseState
        {
            Id = received.Id, Procedure = received.Procedure, ProcedureVersion = received.Version,
            ProcedureHash = received.ProcedureHash, DossierCode = received.DossierCode,
            SecretHash = received.SecretHash,
            ReceivingUnit = received.Unit, Channel = received.Channel, Fields = received.Fields,
            ReceivedAt = received.At, Book = received.Book, Delivery = received.Delivery, Version = 1,
            LastEventAt = received.At,
        };
    }

    public static CaseState Replay(IEnumerable<CaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        CaseState? state = null;
        foreach (var e in events)
        {
            state = state is null ? Start((CaseReceived)e) : state.Apply(e);
        }

        return state ?? throw new ArgumentException("A case needs at least its case-received event.", nameof(events));
    }

    public CaseState Apply(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var next = e switch
        {
            ComponentsHandedIn h => this with { Received = Add(Received ?? [], h.Components) },
            FieldsSupplemented f => this with { Fields = Fields.SetItems(f.Fields) },
            ClockStarted s => this with { Appointment = s.Appointment, ClockStartedAt = ClockStartedAt ?? s.At },
            ClockPaused => this with { PausedSince = e.At },
            ClockResumed r => this with { PausedSince = null, Appointment = r.Appointment },
            ClockRestarted r => this with { Appointment = r.Appointment },
            TaskActivated a => this with
            {
                Tasks = Tasks.Add(new TaskState
                {
                    Id = a.Task, Step = a.Step, Unit = a.Unit, Role = a.Role, ActivatedAt = a.At, Due = a.Due,
                    Branch = a.Branch, UnitHistory = [a.Unit], ActivatedBy = a.Actor,
                }),
            },
            TaskCompleted c => WithTask(c.Task,
                t => t with { CompletedAt = c.At, Action = c.Action, CompletedBy = c.Actor }),
            TaskCancelled c => WithTask(c.Task, t => t with { Cancelled = true, CompletedAt = c.At }),
            TaskReassigned r => WithTask(r.Task, t => t with { Unit = r.To, UnitHistory = t.UnitHistory.Add(r.To) }),
            BranchJoined j => this with
            {
                JoinArrivals = JoinArrivals.SetItem(j.Join,
                    (JoinArrivals.GetValueOrDefault(j.Join) ?? []).Add(j.Branch)),
            },
            EscalationFired f => this with { FiredEscalations = FiredEscalations.Add(f.Key) },
            CaseRescheduled r => this with { PromisedAppointment = r.PromisedAppointment },
            CaseFinished f => this with { Outcome = f.Outcome, FinishedAt = f.At, PausedSince = null },
            DocumentIssued { SecretHash: { } hash } => this with { SecretHash = hash },
            EResultIssued r => this with { EResultAt = r.At },
            DocumentIssued or CaseReceived => this,
            _ => throw new ArgumentException($"Unknown event type {e.GetType().Name}.", nameof(e)),
        };
        return next with { Version = Version + 1, LastEventAt = e.At > LastEventAt ? e.At : LastEventAt };
    }

    private static ImmutableArray<ReceivedComponent> Add(
        ImmutableArray<ReceivedComponent> received, ImmutableArray<ReceivedComponent> added)
    {
        var sum = received.ToList();
        foreach (var paper in added)
        {
            var index = sum.FindIndex(r => r.Component == paper.Component && r.Form == paper.Form);
            if (index < 0)
            {
                sum.Add(paper);
            }
            else
            {
                sum[index] = sum[index] with
                {
                    Quantity = sum[index].Quantity + paper.Quantity,
                    Scans = sum[index].Scans is { } kept && paper.Scans is { } more
                        ? kept.AddRange(more)
                        : sum[index].Scans ?? paper.Scans,
                };
            }
        }

        return [.. sum];
    }

    private CaseState WithTask(string id, Func<TaskState, TaskState> change)
    {
        var task = Tasks.Find(t => t.Id == id)
            ?? throw new InvalidOperationException($"Task '{id}' is not part of case {Id}.");
        return this with { Tasks = Tasks.Replace(task, change(task)) };
    }
}
