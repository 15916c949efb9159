using System.Collections;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// A trail as it stood part-way through a decision: the stored history followed by the first
/// <see cref="Count"/> − history events the decision added, read in place (nothing is copied). Renderers walk the
/// added events one at a time and look back through this view for the events at the same instant.
/// </summary>
public sealed class AppendedTrail : IReadOnlyList<CaseEvent>
{
    private readonly IReadOnlyList<CaseEvent> _history;
    private readonly IReadOnlyList<CaseEvent> _added;
    private int _taken;

    public AppendedTrail(IReadOnlyList<CaseEvent> history, IReadOnlyList<CaseEvent> added)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(added);
        _history = history;
        _added = added;
    }

    /// <summary>Takes the next added event into the view and returns it.</summary>
    public CaseEvent Next() => _added[_taken++];

    /// <summary>Whether some added event is not in the view yet.</summary>
    public bool HasNext => _taken < _added.Count;

    public int Count => _history.Count + _taken;

    public CaseEvent this[int index] =>
        index < 0 || index >= Count ? throw new ArgumentOutOfRangeException(nameof(index))
        : index < _history.Count ? _history[index]
        : _added[index - _history.Count];

    public IEnumerator<CaseEvent> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
