using OneStopWorkflow.Persistence.Figures;

namespace OneStopWorkflow.Persistence.Writing;

/// <summary>
/// What a batch of decisions adds to the day figures, summed per row, so that a batch writes each row once. Rows come
/// out in one order in every batch, so that two writers never wait on each other's rows in a cycle.
/// </summary>
public sealed class FigureSums
{
    private static readonly IComparer<FigureKey> Order = Comparer<FigureKey>.Create((a, b) =>
        string.CompareOrdinal(a.Unit, b.Unit) is not 0 and var u ? u
        : string.CompareOrdinal(a.Procedure, b.Procedure) is not 0 and var p ? p
        : string.CompareOrdinal(a.Day, b.Day));

    private readonly SortedDictionary<FigureKey, (CaseCounts Counts, SortedDictionary<string, StepDelta> Steps)>
        _rows = new(Order);

    public void Add(FigureDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.Key is not { } key)
        {
            return;
        }

        var (counts, steps) = _rows.TryGetValue(key, out var row) ? row : (default, new(StringComparer.Ordinal));
        foreach (var step in delta.Steps)
        {
            steps[step.Step] = steps.TryGetValue(step.Step, out var s)
                ? s with
                {
                    Done = s.Done + step.Done, WithinDue = s.WithinDue + step.WithinDue, Hours = s.Hours + step.Hours,
                    Timed = s.Timed + step.Timed,
                }
                : step;
        }

        _rows[key] = (counts + delta.Counts, steps);
    }

    public IEnumerable<(FigureKey Key, CaseCounts Counts, IEnumerable<StepDelta> Steps)> Rows =>
        _rows.Select(r => (r.Key, r.Value.Counts, (IEnumerable<StepDelta>)r.Value.Steps.Values));
}
