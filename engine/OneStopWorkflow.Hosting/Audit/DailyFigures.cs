namespace OneStopWorkflow.Hosting.Audit;

/// <summary>A centre's day: tickets called, advice only, dossiers received, results returned.</summary>
public sealed record DailyFigures(string Day, int Tickets, int Advice, int Received, int Returned);
