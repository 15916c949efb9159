using OneStopWorkflow.Persistence.Cases;

namespace OneStopWorkflow.Hosting.Writing;

/// <summary>A queued command, whatever its answer's type.</summary>
internal interface IQueued
{
    string CaseId { get; }

    /// <summary>
    /// Decides the command; its paperwork, if any, is left to <see cref="QueuedDecision.Documents"/>.
    /// </summary>
    Task<QueuedDecision> RunAsync(WriteSession session);

    /// <summary>Answers the caller: an exception is thrown to it, anything else returned.</summary>
    void Complete(object? answer);

    void Fail(Exception exception);
}

/// <summary>
/// What a queued command decided: its answer, the save (null for a refusal), its paperwork to render.
/// </summary>
internal sealed record QueuedDecision(
    object? Answer, CaseSave? Save, Func<IReadOnlyList<Engine.Templates.RenderedDocument>>? Documents,
    Func<IReadOnlyList<Engine.Mail.RenderedMail>>? Mails = null, Func<CaseChange, object?>? AnswerWith = null)
{
    /// <summary>The answer once <paramref name="rows"/> are written: made from them if the command asked.</summary>
    public object? AnswerAfter(CaseChange rows) => AnswerWith is { } answer ? answer(rows) : Answer;

    /// <summary>The save with its paperwork and mails rendered here, on the caller's thread.</summary>
    public CaseSave? Rendered() => Save is null || (Documents is null && Mails is null)
        ? Save
        : Save with { Documents = Documents?.Invoke() ?? Save.Documents, Mails = Mails?.Invoke() ?? Save.Mails };
}

internal sealed class Queued<T>(string caseId, WriteJob<T> job) : IQueued
{
    public string CaseId => caseId;

    public TaskCompletionSource<T> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<QueuedDecision> RunAsync(WriteSession session)
    {
        var written = await job(session, CancellationToken.None);
        return new QueuedDecision(written.Answer, written.Save, written.Documents, written.Mails,
            written.AnswerWith is { } answer ? rows => answer(rows) : null);
    }

    public void Complete(object? answer)
    {
        if (answer is Exception ex)
        {
            Answer.TrySetException(ex);
        }
        else
        {
            Answer.TrySetResult((T)answer!);
        }
    }

    public void Fail(Exception exception) => Answer.TrySetException(exception);
}
