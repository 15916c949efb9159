namespace OneStopWorkflow.Designer.Designing;

/// <summary>
/// The canvas's zoom and pan (where canvas point 0,0 lands on screen), and the two ways they change: fitting a
/// box into the view, and zooming around a point of the screen (a button zooms around the middle).
/// </summary>
public readonly record struct CanvasViewport(double Zoom, CanvasPoint Pan)
{
    public const double Minimum = 0.1, Maximum = 2.5;

    /// <summary>Everything in <paramref name="bounds"/> in view, at most at full size, in the middle.</summary>
    public static CanvasViewport Fit(CanvasRect bounds, double width, double height, double margin = 16)
    {
        var zoom = Math.Clamp(
            Math.Min((width - (2 * margin)) / bounds.Width, (height - (2 * margin)) / bounds.Height), Minimum, 1);
        return new CanvasViewport(zoom, new CanvasPoint(
            ((width - (bounds.Width * zoom)) / 2) - (bounds.X * zoom),
            ((height - (bounds.Height * zoom)) / 2) - (bounds.Y * zoom)));
    }

    /// <summary>Zoomed by <paramref name="factor"/>, the canvas point under the screen point staying put.</summary>
    public CanvasViewport ZoomedAround(double factor, CanvasPoint screen)
    {
        var zoom = Math.Clamp(Zoom * factor, Minimum, Maximum);
        var scale = zoom / Zoom;
        return new CanvasViewport(zoom, new CanvasPoint(
            screen.X - ((screen.X - Pan.X) * scale), screen.Y - ((screen.Y - Pan.Y) * scale)));
    }

    /// <summary>Whether all of the box shows in a view of that size.</summary>
    public bool Shows(CanvasRect box, double width, double height)
    {
        var (left, top) = ((box.X * Zoom) + Pan.X, (box.Y * Zoom) + Pan.Y);
        return left >= 0 && top >= 0 && left + (box.Width * Zoom) <= width && top + (box.Height * Zoom) <= height;
    }

    /// <summary>The same zoom, the box's middle in the middle of the view.</summary>
    public CanvasViewport Centred(CanvasRect box, double width, double height) =>
        this with { Pan = new CanvasPoint((width / 2) - (box.Center.X * Zoom), (height / 2) - (box.Center.Y * Zoom)) };
}
