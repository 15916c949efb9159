namespace OneStopWorkflow.Persistence.Reception;

/// <summary>
/// A ticket's life: taken (waiting), called to a counter, then served (advice or a dossier) or skipped (absent).
/// </summary>
public static class TicketStates
{
    public const string Waiting = "waiting";
    public const string Called = "called";
    public const string Served = "served";
    public const string Skipped = "skipped";
}
