using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;

namespace OneStopWorkflow.Engine.Mail;

/// <summary>
/// Renders the mails a decision's events cause, each from the trail as it stood at its event and with the same model
/// as the papers (<see cref="DocumentModelBuilder"/>), from the version's template <c>mail-&lt;kind&gt;.sbn-txt</c>,
/// else the shared one of that name. A template's first line is the subject; the body follows the first blank line.
/// </summary>
public static class MailRenderer
{
    /// <summary>
    /// The mails <c>added</c> cause, appended to a trail that held <c>history</c>; none when the case has no
    /// applicant address. The <c>lookup</c> page's secret is printed only in a receipt's mail; <c>shared</c> holds the
    /// shared templates by file name, for a version published before it had mail ones. Folds the history first: a
    /// caller that holds the state before the events passes it instead.
    /// </summary>
    public static IReadOnlyList<RenderedMail> RenderCaused(
        DecisionContext context, IReadOnlyList<CaseEvent> history, IReadOnlyList<CaseEvent> added, LookupPage lookup,
        IReadOnlyDictionary<string, string> shared)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(added);
        return !added.Any(e => MailKinds.CausedBy(e) is not null) ? []
            : RenderCaused(context, history.Count == 0 ? null : CaseState.Replay(history), history, added, lookup,
                shared);
    }

    /// <summary>
    /// The mails <c>added</c> cause, appended to a trail that held <c>history</c> and folded to <c>before</c> (null
    /// for a new case): each from the state right after its event. Nothing is replayed.
    /// </summary>
    public static IReadOnlyList<RenderedMail> RenderCaused(
        DecisionContext context, CaseState? before, IReadOnlyList<CaseEvent> history, IReadOnlyList<CaseEvent> added,
        LookupPage lookup, IReadOnlyDictionary<string, string> shared)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(shared);
        if (!added.Any(e => MailKinds.CausedBy(e) is not null))
        {
            return [];
        }

        var templates = context.Procedure.Templates ?? throw new InvalidOperationException(
            $"{context.Procedure.Code} v{context.Procedure.Version} was not loaded through ProcedureLoader, "
            + "so its templates were not checked.");
        var trail = new AppendedTrail(history, added);
        var state = before;
        var mails = new List<RenderedMail>();
        while (trail.HasNext)
        {
            var e = trail.Next();
            state = state is null ? CaseState.Start((CaseReceived)e) : state.Apply(e);
            if (MailKinds.CausedBy(e) is not { } kind
                || MailRecipient.Of(state.Fields.GetValueOrDefault(MailRecipient.Field)) is not { } recipient)
            {
                continue;
            }

            var title = e is DocumentIssued issued && context.Procedure.FindDocument(issued.Document) is { } document
                ? document.Title.Vi
                : MailKinds.Title(kind);
            var page = new LookupPage(lookup.Url)
            {
                Secret = kind is MailKind.Receipt or MailKind.Submitted ? lookup.Secret : "",
            };
            var model = DocumentModelBuilder.Build(context.Procedure, context.Calendar, context.Units, state, trail,
                e.Actor, e.At, (e as DocumentIssued)?.Form ?? "", title, page);
            if (templates.RenderText(MailKinds.TemplateName(kind), model, shared) is not { } text)
            {
                continue;
            }

            var (subject, body) = Split(text);
            mails.Add(new RenderedMail(trail.Count, kind, recipient, subject, body));
        }

        return mails;
    }

    /// <summary>The first line (the subject) and the rest after the blank lines, ending in one newline.</summary>
    public static (string Subject, string Body) Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var subject = lines[0].Trim();
        var body = string.Join("\n", lines.Skip(1)).Trim('\n', ' ').TrimEnd();
        return (subject, body + "\n");
    }
}
