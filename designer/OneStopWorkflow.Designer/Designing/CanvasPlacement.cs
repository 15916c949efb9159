namespace OneStopWorkflow.Designer.Designing;

/// <summary>
/// Where the layout put everything: each box, each link's label box, and each link's route as the points it
/// passes between the side of the box it leaves and the side of the box it enters.
/// </summary>
public sealed record CanvasPlacement(
    IReadOnlyDictionary<string, CanvasRect> Boxes,
    IReadOnlyDictionary<string, CanvasRect> Labels,
    IReadOnlyDictionary<string, CanvasPlacement.Route> Routes)
{
    public static readonly CanvasPlacement Empty = new(
        new Dictionary<string, CanvasRect>(), new Dictionary<string, CanvasRect>(),
        new Dictionary<string, Route>());

    /// <summary>A link leaves its source by its right (or left) side and enters its target by its left (or right).
    /// </summary>
    public sealed record Route(bool LeavesRight, bool EntersLeft, IReadOnlyList<CanvasPoint> Points);

    /// <summary>Every box and label, for fitting them on screen.</summary>
    public CanvasRect? Bounds()
    {
        var all = Boxes.Values.Concat(Labels.Values).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var (left, top) = (all.Min(r => r.X), all.Min(r => r.Y));
        return new CanvasRect(left, top, all.Max(r => r.Right) - left, all.Max(r => r.Bottom) - top);
    }
}
