using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;

namespace OneStopWorkflow.Designer.Designing;

/// <summary>A step's node: its card, drawn by <see cref="StepNodeWidget"/> at the size the layout gave it.</summary>
public sealed class StepNodeModel : NodeModel
{
    public StepNodeModel(StepCard card, CanvasRect box) : base(card.Id, new Point(box.X, box.Y))
    {
        ArgumentNullException.ThrowIfNull(card);
        Card = card;
        Size = new Size(box.Width, box.Height);
        // The size is known from the words; the browser must not measure it again (it would at another zoom).
        ControlledSize = true;
    }

    public StepCard Card { get; }

    /// <summary>On a case's graph: whether the case passed this step or is there now, and for how long.</summary>
    public TrailMark? Mark { get; init; }

    public bool ReadOnly { get; init; }
}
