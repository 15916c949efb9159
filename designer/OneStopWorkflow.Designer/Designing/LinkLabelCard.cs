namespace OneStopWorkflow.Designer.Designing;

/// <summary>An action's title as the label of its link, sized to its words like a <see cref="StepCard"/>.</summary>
public sealed record LinkLabelCard(string Text)
{
    public const double Font = 11.5, Line = 15, PaddingX = 6, PaddingY = 2, Border = 1, MaxContent = 116;

    public double Width => Math.Ceiling(CanvasText.Wrap(Text, MaxContent, Font, bold: false).Widest
        + (2 * (PaddingX + Border)) + 2);

    public double Height => (CanvasText.Wrap(Text, MaxContent, Font, bold: false).Lines * Line)
        + (2 * (PaddingY + Border));
}
