namespace OneStopWorkflow.Designer.Designing;

/// <summary>
/// What the layout places: boxes of known size and the links between them, each with its label box. The main path
/// (the boxes a case passes when all goes well) is laid along the top; the other boxes go below it.
/// </summary>
public sealed record CanvasGraph(IReadOnlyList<CanvasGraph.Box> Boxes, IReadOnlyList<CanvasGraph.Link> Links)
{
    public IReadOnlyList<string> MainPath { get; init; } = [];

    public sealed record Box(string Id, double Width, double Height);

    /// <summary>A link from one box to another; a label of zero size is no label.</summary>
    public sealed record Link(string Key, string From, string To, double LabelWidth, double LabelHeight)
    {
        public bool HasLabel => LabelWidth > 0 && LabelHeight > 0;
    }
}
