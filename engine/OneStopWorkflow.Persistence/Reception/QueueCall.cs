namespace OneStopWorkflow.Persistence.Reception;

/// <summary>Who calls the next ticket of a centre's day, to which counter, when.</summary>
public sealed record QueueCall(string Centre, string Day, string CalledBy, int Counter, DateTimeOffset At);
