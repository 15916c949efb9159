using Blazor.Diagrams.Core;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.Routers;

namespace OneStopWorkflow.Designer.Designing;

/// <summary>The route <see cref="CanvasLayout"/> computed for a link (no draggable vertices to clutter it).</summary>
public sealed class LayoutRouter(IReadOnlyList<CanvasPoint> points) : Router
{
    public override Point[] GetRoute(Diagram diagram, BaseLinkModel link) =>
        [.. points.Select(p => new Point(p.X, p.Y))];
}
