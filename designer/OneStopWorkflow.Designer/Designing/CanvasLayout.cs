using GraphShape.Algorithms.Layout;
using QuikGraph;

namespace OneStopWorkflow.Designer.Designing;

/// <summary>
/// Lays a procedure out in layers from left to right with GraphShape's Sugiyama layout. Each link's label is a
/// vertex of its own between the two steps (as Graphviz's dot does), so the layout keeps labels off the boxes and
/// off each other; a link crosses a layer only through the slot the layout kept for it, so it never runs through
/// a box. Plain C#: the canvas draws what this returns.
/// </summary>
public static class CanvasLayout
{
    public const double Margin = 24;
    private const double LayerGap = 36;
    private const double SliceGap = 20;

    public static CanvasPlacement Place(CanvasGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.Boxes.Count == 0)
        {
            return CanvasPlacement.Empty;
        }

        var layered = new BidirectionalGraph<Vertex, Edge<Vertex>>(allowParallelEdges: true);
        var boxes = new Dictionary<string, Vertex>(StringComparer.Ordinal);
        // The main path first: the layers' first order is the order vertices are added in.
        var main = graph.MainPath.ToHashSet(StringComparer.Ordinal);
        foreach (var box in graph.Boxes.OrderBy(b => main.Contains(b.Id) ? 0 : 1))
        {
            boxes[box.Id] = new Vertex(box.Width, box.Height);
            layered.AddVertex(boxes[box.Id]);
        }

        var chains = new Dictionary<string, List<Edge<Vertex>>>(StringComparer.Ordinal);
        var labels = new Dictionary<string, Vertex>(StringComparer.Ordinal);
        foreach (var link in graph.Links)
        {
            if (!boxes.TryGetValue(link.From, out var from) || !boxes.TryGetValue(link.To, out var to)
                || (from == to && !link.HasLabel))
            {
                continue;
            }

            var chain = chains[link.Key] = [];
            if (link.HasLabel)
            {
                var label = labels[link.Key] = new Vertex(link.LabelWidth, link.LabelHeight);
                layered.AddVertex(label);
                chain.Add(new Edge<Vertex>(from, label));
                chain.Add(new Edge<Vertex>(label, to));
            }
            else
            {
                chain.Add(new Edge<Vertex>(from, to));
            }

            layered.AddEdgeRange(chain);
        }

        var sugiyama = new SugiyamaLayoutAlgorithm<Vertex, Edge<Vertex>, BidirectionalGraph<Vertex, Edge<Vertex>>>(
            layered, layered.Vertices.ToDictionary(v => v, v => new GraphShape.Size(v.Width, v.Height)),
            new SugiyamaLayoutParameters
            {
                Direction = LayoutDirection.LeftToRight, LayerGap = LayerGap, SliceGap = SliceGap,
                EdgeRouting = SugiyamaEdgeRouting.Traditional,
            });
        sugiyama.Compute();
        var layers = Layers.Of(layered.Vertices, sugiyama.VerticesPositions);
        var placed = layered.Vertices.ToDictionary(v => v, v => layers.Place(v, sugiyama.VerticesPositions[v]));
        var routes = new Dictionary<string, CanvasPlacement.Route>(StringComparer.Ordinal);
        foreach (var (key, chain) in chains)
        {
            routes[key] = RouteOf(chain, placed, layers, sugiyama.EdgeRoutes, labels.GetValueOrDefault(key));
        }

        var placement = new CanvasPlacement(
            boxes.ToDictionary(b => b.Key, b => placed[b.Value], StringComparer.Ordinal),
            labels.ToDictionary(l => l.Key, l => placed[l.Value], StringComparer.Ordinal),
            routes);
        return Shifted(MainPathAbove(placement, main));
    }

    /// <summary>Turns the layout upside down when the main path lies lower than the other steps on average.</summary>
    private static CanvasPlacement MainPathAbove(CanvasPlacement placement, HashSet<string> main)
    {
        var (onPath, offPath) = (placement.Boxes.Where(b => main.Contains(b.Key)).ToList(),
            placement.Boxes.Where(b => !main.Contains(b.Key)).ToList());
        if (onPath.Count == 0 || offPath.Count == 0
            || onPath.Average(b => b.Value.Center.Y) <= offPath.Average(b => b.Value.Center.Y))
        {
            return placement;
        }

        CanvasRect Flip(CanvasRect r) => r with { Y = -r.Bottom };
        return new CanvasPlacement(
            placement.Boxes.ToDictionary(b => b.Key, b => Flip(b.Value), StringComparer.Ordinal),
            placement.Labels.ToDictionary(l => l.Key, l => Flip(l.Value), StringComparer.Ordinal),
            placement.Routes.ToDictionary(
                r => r.Key, r => r.Value with { Points = [.. r.Value.Points.Select(p => p with { Y = -p.Y })] },
                StringComparer.Ordinal));
    }

    /// <summary>
    /// The boxes people dragged stay where they put them; the links to and from them are drawn straight, with the
    /// label half-way, since the layout's route no longer fits them.
    /// </summary>
    public static CanvasPlacement Pin(
        CanvasPlacement placement, CanvasGraph graph, IReadOnlyDictionary<string, CanvasPoint> pinned)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(pinned);
        var boxes = placement.Boxes.ToDictionary(
            b => b.Key,
            b => pinned.TryGetValue(b.Key, out var at) ? b.Value with { X = at.X, Y = at.Y } : b.Value,
            StringComparer.Ordinal);
        var labels = placement.Labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        var routes = placement.Routes.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        foreach (var link in graph.Links.Where(l => pinned.ContainsKey(l.From) || pinned.ContainsKey(l.To)))
        {
            if (!boxes.TryGetValue(link.From, out var from) || !boxes.TryGetValue(link.To, out var to))
            {
                continue;
            }

            var rightwards = to.Center.X >= from.Center.X;
            routes[link.Key] = new CanvasPlacement.Route(rightwards, rightwards, []);
            if (labels.TryGetValue(link.Key, out var label))
            {
                var (start, end) = (Side(from, rightwards), Side(to, !rightwards));
                labels[link.Key] = label with
                {
                    X = ((start.X + end.X) / 2) - (label.Width / 2), Y = ((start.Y + end.Y) / 2) - (label.Height / 2),
                };
            }
        }

        return new CanvasPlacement(boxes, labels, routes);
    }

    /// <summary>The middle of a box's right side (or left side), where links leave and enter it.</summary>
    public static CanvasPoint Side(CanvasRect box, bool right) =>
        new(right ? box.Right : box.X, box.Center.Y);

    /// <summary>
    /// The points between the two boxes: across each layer it passes, a link runs level through its own slot
    /// (under its label), and it changes height only in the gaps between layers.
    /// </summary>
    private static CanvasPlacement.Route RouteOf(
        List<Edge<Vertex>> chain, Dictionary<Vertex, CanvasRect> placed, Layers layers,
        IDictionary<Edge<Vertex>, GraphShape.Point[]> dummies, Vertex? label)
    {
        var (source, target) = (placed[chain[0].Source], placed[chain[^1].Target]);
        var stops = new List<(CanvasPoint At, CanvasRect? Label)>();
        foreach (var edge in chain)
        {
            var (from, to) = (placed[edge.Source].Center.X, placed[edge.Target].Center.X);
            var through = dummies.TryGetValue(edge, out var points) ? points : [];
            stops.AddRange(through.Select(p => (new CanvasPoint(p.X, p.Y), (CanvasRect?)null))
                .OrderBy(s => to >= from ? s.Item1.X : -s.Item1.X));
            if (label is not null && edge.Target == label)
            {
                stops.Add((placed[label].Center, placed[label]));
            }
        }

        var leavesRight = (stops.Count > 0 ? stops[0].At.X : target.Center.X) >= source.Center.X;
        var entersLeft = (stops.Count > 0 ? stops[^1].At.X : source.Center.X) <= target.Center.X;
        var route = new List<CanvasPoint>();
        var start = Side(source, leavesRight);
        route.Add(new CanvasPoint(leavesRight ? layers.RightOf(source) : layers.LeftOf(source), start.Y));
        for (var i = 0; i < stops.Count; i++)
        {
            var previous = i == 0 ? start.X : stops[i - 1].At.X;
            var next = i == stops.Count - 1 ? Side(target, !entersLeft).X : stops[i + 1].At.X;
            var (at, box) = stops[i];
            var (left, right) = box is { } b ? (b.X, b.Right) : layers.Span(at.X);
            route.Add(new CanvasPoint(previous <= at.X ? left : right, at.Y));
            if (box is not null)
            {
                route.Add(at);
            }

            route.Add(new CanvasPoint(next >= at.X ? right : left, at.Y));
        }

        var end = Side(target, !entersLeft);
        route.Add(new CanvasPoint(entersLeft ? layers.LeftOf(target) : layers.RightOf(target), end.Y));
        return new CanvasPlacement.Route(leavesRight, entersLeft, Tidy(route, start, end));
    }

    /// <summary>Drops points that add nothing: repeats, and the middle of three on one level line.</summary>
    private static List<CanvasPoint> Tidy(List<CanvasPoint> route, CanvasPoint start, CanvasPoint end)
    {
        var all = new List<CanvasPoint> { start };
        foreach (var point in route.Append(end))
        {
            if (Math.Abs(point.X - all[^1].X) < 0.5 && Math.Abs(point.Y - all[^1].Y) < 0.5)
            {
                continue;
            }

            if (all.Count >= 2 && Math.Abs(all[^2].Y - point.Y) < 0.5 && Math.Abs(all[^1].Y - point.Y) < 0.5
                && (all[^2].X - all[^1].X) * (all[^1].X - point.X) >= 0)
            {
                all[^1] = point;
                continue;
            }

            all.Add(point);
        }

        return all.Count >= 2 && all[^1] == end ? all[1..^1] : all[1..];
    }

    /// <summary>Moves everything so the top-left box sits at the margin.</summary>
    private static CanvasPlacement Shifted(CanvasPlacement placement)
    {
        var bounds = placement.Bounds()!.Value;
        var (dx, dy) = (Margin - bounds.X, Margin - bounds.Y);
        CanvasRect Move(CanvasRect r) => r with { X = r.X + dx, Y = r.Y + dy };
        return new CanvasPlacement(
            placement.Boxes.ToDictionary(b => b.Key, b => Move(b.Value), StringComparer.Ordinal),
            placement.Labels.ToDictionary(l => l.Key, l => Move(l.Value), StringComparer.Ordinal),
            placement.Routes.ToDictionary(
                r => r.Key,
                r => r.Value with { Points = [.. r.Value.Points.Select(p => new CanvasPoint(p.X + dx, p.Y + dy))] },
                StringComparer.Ordinal));
    }

    private sealed class Vertex(double width, double height)
    {
        public double Width { get; } = width;
        public double Height { get; } = height;
    }

    /// <summary>
    /// The layers as columns. GraphShape puts a vertex at the left of its layer; here it sits in the middle, so
    /// the level run of a link into or out of a box is as short on both sides.
    /// </summary>
    private sealed class Layers
    {
        private readonly List<(double Left, double Width)> _columns;

        private Layers(List<(double Left, double Width)> columns) => _columns = columns;

        public static Layers Of(IEnumerable<Vertex> vertices, IDictionary<Vertex, GraphShape.Point> centers) =>
            new([.. vertices.GroupBy(v => Math.Round(centers[v].X - (v.Width / 2), 1))
                .Select(g => (g.Key, g.Max(v => v.Width))).OrderBy(c => c.Key)]);

        public CanvasRect Place(Vertex vertex, GraphShape.Point center)
        {
            var left = center.X - (vertex.Width / 2);
            var column = _columns.First(c => Math.Abs(c.Left - Math.Round(left, 1)) < 0.2);
            return new CanvasRect(
                column.Left + ((column.Width - vertex.Width) / 2), center.Y - (vertex.Height / 2),
                vertex.Width, vertex.Height);
        }

        public (double Left, double Right) Span(double x) =>
            _columns.Where(c => x >= c.Left - 0.5 && x <= c.Left + c.Width + 0.5)
                .Select(c => (c.Left, c.Left + c.Width)).DefaultIfEmpty((x, x)).First();

        public double LeftOf(CanvasRect box) => Span(box.Center.X).Left;

        public double RightOf(CanvasRect box) => Span(box.Center.X).Right;
    }
}
