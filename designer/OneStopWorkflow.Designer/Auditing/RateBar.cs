namespace OneStopWorkflow.Designer.Auditing;

/// <summary>
/// One bar of a rate chart: what it is named by (a unit's or step's title), its rate in per cent as the audit
/// layer gave it, and the figures behind the rate as words, shown in its tooltip and its table row.
/// </summary>
public sealed record RateBar(string Label, decimal Rate, string Detail);
