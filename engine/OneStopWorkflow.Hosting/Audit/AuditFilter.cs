namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// Which cases a figure covers: received at <see cref="Unit"/> (and the units below it when
/// <see cref="IncludeChildren"/>), of <see cref="Procedure"/> if given, on local days <see cref="From"/> to
/// <see cref="To"/>.
/// </summary>
public sealed record AuditFilter(string Unit, DateOnly From, DateOnly To)
{
    public bool IncludeChildren { get; init; } = true;
    public string? Procedure { get; init; }
}
