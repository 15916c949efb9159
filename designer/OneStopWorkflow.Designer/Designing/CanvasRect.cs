namespace OneStopWorkflow.Designer.Designing;

/// <summary>A box on the canvas, in canvas units (pixels at 100 % zoom), from its top-left corner.</summary>
public readonly record struct CanvasRect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;
    public CanvasPoint Center => new(X + (Width / 2), Y + (Height / 2));

    /// <summary>True when the two boxes share more than their edges.</summary>
    public bool Intersects(CanvasRect other) =>
        X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;
}
