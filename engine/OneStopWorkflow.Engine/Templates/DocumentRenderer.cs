using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Engine.Templates;

/// <summary>A document the trail issued, rendered: its trail sequence number, the event and the HTML.</summary>
public sealed record RenderedDocument(int Sequence, DocumentIssued Issued, string Html);

/// <summary>Renders the documents a case's trail issues, each from the trail as it stood at its event.</summary>
public static class DocumentRenderer
{
    /// <summary>
    /// The documents issued by <paramref name="added"/>, appended to a trail that held <paramref name="history"/>.
    /// </summary>
    public static IReadOnlyList<RenderedDocument> RenderIssued(
        DecisionContext context, IReadOnlyList<CaseEvent> history, IReadOnlyList<CaseEvent> added, LookupPage lookup)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(added);
        var trail = new List<CaseEvent>(history);
        var rendered = new List<RenderedDocument>();
        foreach (var e in added)
        {
            trail.Add(e);
            if (e is DocumentIssued issued)
            {
                rendered.Add(new RenderedDocument(trail.Count, issued, Render(context, trail, issued, lookup)));
            }
        }

        return rendered;
    }

    /// <summary>One document, given the trail up to and including the event that issued it.</summary>
    public static string Render(
        DecisionContext context, IReadOnlyList<CaseEvent> trail, DocumentIssued issued, LookupPage lookup)
    {
        ArgumentNullException.ThrowIfNull(context);
        var templates = context.Procedure.Templates ?? throw new InvalidOperationException(
            $"{context.Procedure.Code} v{context.Procedure.Version} was not loaded through ProcedureLoader, "
            + "so its templates were not checked.");
        // Drawing the QR code costs more than the rest of a document: only for templates that print it.
        var page = templates.PrintsQrCode(issued.Document) ? lookup : lookup with { DrawQrCode = null };
        var model = DocumentModelBuilder.Build(
            context.Procedure, context.Calendar, context.Units, trail, issued, page);
        return templates.Render(issued.Document, model);
    }
}
