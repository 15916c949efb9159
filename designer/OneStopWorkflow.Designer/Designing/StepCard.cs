namespace OneStopWorkflow.Designer.Designing;

/// <summary>
/// A step as its box on the canvas shows it: the kind in words (and its shape), the title, the budget as a badge,
/// then role, unit or what it waits for; sized here to those words (see <see cref="CanvasText"/>). The canvas CSS
/// (<c>.step-card</c> in app.css) uses exactly these metrics.
/// </summary>
public sealed record StepCard(
    string Id, StepShape Shape, string Kind, string Title, string? Badge, IReadOnlyList<string> Details,
    IReadOnlyList<string> Problems)
{
    public const double TitleFont = 13, TitleLine = 17, DetailFont = 11.5, DetailLine = 15, KindFont = 11;
    public const double HeaderLine = 16, PaddingX = 10, PaddingY = 6, Border = 2, MaxContent = 190;

    // Measured each time, not cached: a card made with "with" must not keep the size of the card it came from.
    public double Width => Measure().Width;
    public double Height => Measure().Height;

    private (double Width, double Height) Measure()
    {
        var title = CanvasText.Wrap(Title, MaxContent, TitleFont, bold: true);
        // The shape's sign before the kind (drawn by CSS) is one wide glyph and a space.
        var header = (KindFont * 1.6) + CanvasText.Width(Kind, KindFont, bold: false)
            + (Badge is null ? 0 : CanvasText.Width(Badge, KindFont, bold: true) + 22);
        var details = Details.Select(d => CanvasText.Wrap(d, MaxContent, DetailFont, bold: false)).ToList();
        var content = new[] { 120, title.Widest, header }.Concat(details.Select(d => d.Widest)).Max();
        var height = (2 * (PaddingY + Border)) + HeaderLine + 2 + (title.Lines * TitleLine)
            + (details.Count == 0 ? 0 : 3 + (details.Sum(d => d.Lines) * DetailLine));
        return (Math.Ceiling(content + (2 * (PaddingX + Border)) + 2), Math.Ceiling(height));
    }
}
