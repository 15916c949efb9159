namespace OneStopWorkflow.Hosting.Audit;

/// <summary>A case behind a figure, its times on the unit's calendar.</summary>
public sealed record AuditCase(
    string Id, string DossierCode, string Procedure, string Unit, string ReceivedDay, DateTimeOffset? Appointment,
    DateTimeOffset? FinishedAt, string Status, string? Outcome, string? Timeliness);
