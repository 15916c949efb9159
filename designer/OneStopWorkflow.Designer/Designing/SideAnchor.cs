using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace OneStopWorkflow.Designer.Designing;

/// <summary>A link's end in the middle of a node's right or left side (<see cref="CanvasLayout.Side"/>).</summary>
public sealed class SideAnchor(NodeModel node, bool right) : Anchor(node)
{
    public override Point? GetPosition(BaseLinkModel link, Point[] route) =>
        node.Size is { } size
            ? new Point(node.Position.X + (right ? size.Width : 0), node.Position.Y + (size.Height / 2))
            : null;

    public override Point? GetPlainPosition() => node.GetBounds()?.Center;
}
