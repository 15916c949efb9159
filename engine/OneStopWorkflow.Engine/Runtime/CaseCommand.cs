using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// Something someone asks of a case. <see cref="ExpectedVersion"/>, when set, is the number of events the
/// caller saw; a case that has moved on since is refused ("changed since you opened it").
/// </summary>
public abstract record CaseCommand(Actor Actor)
{
    public int? ExpectedVersion { get; init; }

    /// <summary>
    /// The lookup secret a receipt issued by this command prints: the host draws a fresh one for every command, since
    /// it cannot know the one printed before. Only its hash enters the trail; the caller renders the receipt with it.
    /// </summary>
    public string Secret { get; init; } = "";

    public abstract string Name { get; }
}

/// <summary>
/// Starts a case at the receiving unit. The intake action (default <c>accept</c>) is taken at once by the clerk;
/// the sequence, the tracking-book entry and the lookup secret are supplied by the caller (the store owns the
/// sequence and the book). An intake action that accepts the dossier (one that starts the clock) needs every
/// required field and component; a supplement request or a refusal needs only the procedure's contact fields.
/// <see cref="Components"/> are the papers handed in; none given means none were.
/// </summary>
public sealed record ReceiveCommand(Actor Actor, CaseId Id, string Unit) : CaseCommand(Actor)
{
    public string Channel { get; init; } = "counter";
    public ImmutableDictionary<string, string> Fields { get; init; } = ImmutableDictionary<string, string>.Empty;
    public int Sequence { get; init; } = 1;

    /// <summary>The case's entry in the unit's tracking book; null when the caller keeps no book (a preview).</summary>
    public TrackingBookEntry? Book { get; init; }

    public string IntakeAction { get; init; } = "accept";
    public ImmutableDictionary<string, string> Input { get; init; } = ImmutableDictionary<string, string>.Empty;
    public ImmutableArray<ReceivedComponent> Components { get; init; } = [];
    public override string Name => "receive";
}

/// <summary>
/// A citizen submits a dossier online to a unit: the case starts at the unit's intake task and waits there for a
/// clerk, who accepts it (the clock starts then), asks for a supplement or refuses it. The fields are checked as
/// at the counter; papers may be missing (the clerk names them in a supplement request), but each one given is a
/// component of the procedure and carries its scans. The sequence is supplied by the caller, as for a receipt.
/// </summary>
public sealed record SubmitOnlineCommand(CaseId Id, string Unit, string Applicant)
    : CaseCommand(Actor.Applicant(Applicant))
{
    public ImmutableDictionary<string, string> Fields { get; init; } = ImmutableDictionary<string, string>.Empty;
    public ImmutableArray<ReceivedComponent> Components { get; init; } = [];
    public int Sequence { get; init; } = 1;

    /// <summary>Where the citizen will collect the result: one of <see cref="ResultDelivery.All"/>.</summary>
    public string Delivery { get; init; } = ResultDelivery.Counter;

    public override string Name => "submit-online";
}

/// <summary>Takes an action on an open task; <see cref="Step"/> picks the task when several are open.</summary>
public sealed record ActCommand(Actor Actor, string Action) : CaseCommand(Actor)
{
    public StepId? Step { get; init; }
    public ImmutableDictionary<string, string> Input { get; init; } = ImmutableDictionary<string, string>.Empty;
    public override string Name => $"act {Action}";
}

/// <summary>
/// The applicant brings the requested supplement; a clerk records it (or the citizen adds it online, acting as
/// <see cref="Actor.Applicant"/>): the papers added and the fields given or corrected.
/// </summary>
public sealed record ResubmitCommand(Actor Actor) : CaseCommand(Actor)
{
    public ImmutableArray<ReceivedComponent> Components { get; init; } = [];
    public ImmutableDictionary<string, string> Fields { get; init; } = ImmutableDictionary<string, string>.Empty;

    public override string Name => "resubmit";
}

/// <summary>Hands a task up to the parent unit (<c>parent</c>) or a named province unit, with a reason.</summary>
public sealed record HandUpCommand(Actor Actor, string To, string Reason) : CaseCommand(Actor)
{
    public StepId? Step { get; init; }
    public override string Name => "hand-up";
}

/// <summary>A leader moves a task to another unit.</summary>
public sealed record ReassignCommand(Actor Actor, string To, string Reason) : CaseCommand(Actor)
{
    public StepId? Step { get; init; }
    public override string Name => "reassign";
}

/// <summary>
/// The apology: a new promised date, allowed once; compliance still measures the original appointment.
/// </summary>
public sealed record RescheduleCommand(Actor Actor, DateTimeOffset NewAppointment, string Reason) : CaseCommand(Actor)
{
    public override string Name => "reschedule";
}

/// <summary>The applicant stops the case before a result is issued.</summary>
public sealed record WithdrawCommand(Actor Actor, string Reason) : CaseCommand(Actor)
{
    public override string Name => "withdraw";
}

/// <summary>Time-driven work: escalations whose time has come. Idempotent.</summary>
public sealed record TickCommand() : CaseCommand(Actor.System)
{
    public override string Name => "tick";
}

/// <summary>Where a citizen who submitted online collects the result.</summary>
public static class ResultDelivery
{
    /// <summary>At the one-stop counter of the unit that received the dossier.</summary>
    public const string Counter = "counter";

    /// <summary>Sent by post (public postal service) to the applicant's address.</summary>
    public const string Post = "post";

    /// <summary>Only the electronic result, downloaded from the lookup page.</summary>
    public const string Online = "online";

    public static readonly System.Collections.Immutable.ImmutableArray<string> All = [Counter, Post, Online];

    public static Definitions.LocalizedText Words(string delivery) => delivery switch
    {
        Post => new("Qua dịch vụ bưu chính công ích", "By public postal service"),
        Online => new("Nhận kết quả điện tử trên cổng tra cứu", "Electronic result from the lookup page"),
        _ => new("Tại bộ phận Một cửa nơi nộp hồ sơ", "At the one-stop counter of the receiving unit"),
    };
}

/// <summary>How a dossier reached the unit.</summary>
public static class CaseChannel
{
    public const string Counter = "counter";

    /// <summary>Submitted by the citizen online, with scans of its papers.</summary>
    public const string Online = "online";

    public const string Post = "post";
}
