using System.Text.Json.Serialization;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Persistence.Trail;

/// <summary>
/// The events' JSON metadata, generated at build time: the writer serializes every event it writes, and reflection
/// would rebuild what the compiler can. The options (names, converters, escaping) stay those of
/// <see cref="EventSerializer"/>, so the payloads, which the trail's hashes cover, are the same bytes.
/// </summary>
[JsonSerializable(typeof(CaseReceived))]
[JsonSerializable(typeof(ComponentsHandedIn))]
[JsonSerializable(typeof(FieldsSupplemented))]
[JsonSerializable(typeof(ClockStarted))]
[JsonSerializable(typeof(ClockPaused))]
[JsonSerializable(typeof(ClockResumed))]
[JsonSerializable(typeof(ClockRestarted))]
[JsonSerializable(typeof(TaskActivated))]
[JsonSerializable(typeof(TaskCompleted))]
[JsonSerializable(typeof(TaskCancelled))]
[JsonSerializable(typeof(TaskReassigned))]
[JsonSerializable(typeof(BranchJoined))]
[JsonSerializable(typeof(EscalationFired))]
[JsonSerializable(typeof(DocumentIssued))]
[JsonSerializable(typeof(CaseRescheduled))]
[JsonSerializable(typeof(CaseFinished))]
[JsonSerializable(typeof(EResultIssued))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
