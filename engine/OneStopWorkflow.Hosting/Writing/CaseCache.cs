using OneStopWorkflow.Persistence.Cases;

namespace OneStopWorkflow.Hosting.Writing;

/// <summary>
/// The cases a writer partition last wrote or read, as stored: state, trail and row, so that the next command on
/// a case is decided without reading and replaying its trail. Bounded by a count (least recently used goes first);
/// touched only by its partition's loop, so it needs no lock. The trail in the store stays the truth: a case another
/// process changed fails the version guard and is read again.
/// </summary>
internal sealed class CaseCache(int capacity, WriterFigures figures)
{
    private readonly Dictionary<string, LinkedListNode<StoredCase>> _cases = new(StringComparer.Ordinal);
    private readonly LinkedList<StoredCase> _recency = new();

    public int Count => _cases.Count;

    public StoredCase? Find(string caseId)
    {
        if (!_cases.TryGetValue(caseId, out var node))
        {
            figures.Missed();
            return null;
        }

        figures.Hit();
        _recency.Remove(node);
        _recency.AddFirst(node);
        return node.Value;
    }

    public void Put(StoredCase stored)
    {
        if (capacity <= 0)
        {
            return;
        }

        Forget(stored.Row.Id);
        _cases[stored.Row.Id] = _recency.AddFirst(stored);
        while (_cases.Count > capacity)
        {
            var last = _recency.Last!;
            _recency.RemoveLast();
            _cases.Remove(last.Value.Row.Id);
        }
    }

    public void Forget(string caseId)
    {
        if (_cases.Remove(caseId, out var node))
        {
            _recency.Remove(node);
        }
    }

    public void Clear()
    {
        _cases.Clear();
        _recency.Clear();
    }
}
