using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace OneStopWorkflow.Designer.Designing;

/// <summary>
/// A link's label where the layout put it. The library draws a label at a point of the path plus an offset; the
/// point is the path's start (distance 0), where the link leaves its step, so the offset is known here.
/// </summary>
public sealed class ActionLabelModel(BaseLinkModel parent, LinkLabelCard card, CanvasRect box, CanvasPoint start)
    : LinkLabelModel(parent, card.Text, 0, new Point(box.X - start.X, box.Y - start.Y))
{
    public LinkLabelCard Card { get; } = card;
    public CanvasRect Box { get; } = box;
    public bool ToMissing { get; init; }
    public bool Taken { get; init; }
}
