using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Engine.Templates;

/// <summary>A document the trail issued, rendered: its trail sequence number, the event and the HTML.</summary>
public sealed record RenderedDocument(int Sequence, DocumentIssued Issued, string Html);

/// <summary>Renders the documents a case's trail issues, each from the trail as it stood at its event.</summary>
public static class DocumentRenderer
{
    /// <summary>
    /// The documents issued by <paramref name="added"/>, appended to a trail that held <paramref name="history"/>.
    /// Folds the history first: a caller that holds the state before the events passes it instead.
    /// </summary>
    public static IReadOnlyList<RenderedDocument> RenderIssued(
        DecisionContext context, IReadOnlyList<CaseEvent> history, IReadOnlyList<CaseEvent> added, LookupPage lookup)
    {
        ArgumentNullException.ThrowIfNull(history);
        return RenderIssued(context, history.Count == 0 ? null : CaseState.Replay(history), history, added, lookup);
    }

    /// <summary>
    /// The documents issued by <paramref name="added"/>, appended to a trail that held <paramref name="history"/>
    /// and folded to <paramref name="before"/> (null for a new case): each from the state right after its event,
    /// which is <paramref name="before"/> with the added events applied up to it. Nothing is replayed.
    /// </summary>
    public static IReadOnlyList<RenderedDocument> RenderIssued(
        DecisionContext context, CaseState? before, IReadOnlyList<CaseEvent> history, IReadOnlyList<CaseEvent> added,
        LookupPage lookup)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(added);
        if (!added.Any(e => e is DocumentIssued))
        {
            return [];
        }

        var trail = new AppendedTrail(history, added);
        var state = before;
        var rendered = new List<RenderedDocument>();
        while (trail.HasNext)
        {
            var e = trail.Next();
            state = state is null ? CaseState.Start((CaseReceived)e) : state.Apply(e);
            if (e is DocumentIssued issued)
            {
                rendered.Add(new RenderedDocument(trail.Count, issued, Render(context, state, trail, issued, lookup)));
            }
        }

        return rendered;
    }

    /// <summary>One document, given the trail up to and including the event that issued it.</summary>
    public static string Render(
        DecisionContext context, IReadOnlyList<CaseEvent> trail, DocumentIssued issued, LookupPage lookup) =>
        Render(context, CaseState.Replay(trail), trail, issued, lookup);

    /// <summary>
    /// One document, given the case <paramref name="state"/> right after the event that issued it and the trail up
    /// to and including that event.
    /// </summary>
    public static string Render(
        DecisionContext context, CaseState state, IReadOnlyList<CaseEvent> trail, DocumentIssued issued,
        LookupPage lookup)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(lookup);
        var templates = context.Procedure.Templates ?? throw new InvalidOperationException(
            $"{context.Procedure.Code} v{context.Procedure.Version} was not loaded through ProcedureLoader, "
            + "so its templates were not checked.");
        // Drawing the QR code costs more than the rest of a document: only for templates that print it.
        var page = templates.PrintsQrCode(issued.Document) ? lookup : lookup with { DrawQrCode = null };
        var model = DocumentModelBuilder.Build(
            context.Procedure, context.Calendar, context.Units, state, trail, issued, page);
        return templates.Render(issued.Document, model);
    }

    /// <summary>
    /// The case's result document (its version's <c>result</c>) as the case stood when it finished, issued by whoever
    /// finished it. The trail gets no document-issued event for it: the e-result-issued event names it.
    /// </summary>
    public static string RenderResult(DecisionContext context, IReadOnlyList<CaseEvent> trail, LookupPage lookup)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(trail);
        var procedure = context.Procedure;
        var result = procedure.Result ?? throw new ArgumentException(
            $"{procedure.Code} v{procedure.Version} names no result document.", nameof(context));
        var end = trail.Select((e, i) => (Event: e, Index: i)).FirstOrDefault(x => x.Event is CaseFinished);
        if (end.Event is not CaseFinished finished)
        {
            throw new ArgumentException("The case has not finished: it has no result yet.", nameof(trail));
        }

        var issued = new DocumentIssued(
            finished.At, finished.Actor, result.Document, procedure.FindDocument(result.Document)?.Form, null);
        return Render(context, [.. trail.Take(end.Index + 1), issued], issued, lookup);
    }
}
