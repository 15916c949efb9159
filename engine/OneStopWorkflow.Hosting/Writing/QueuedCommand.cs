using OneStopWorkflow.Persistence.Cases;

namespace OneStopWorkflow.Hosting.Writing;

/// <summary>A queued command, whatever its answer's type.</summary>
internal interface IQueued
{
    string CaseId { get; }

    Task<(object? Answer, CaseSave? Save)> RunAsync(WriteSession session);

    /// <summary>Answers the caller: an exception is thrown to it, anything else returned.</summary>
    void Complete(object? answer);

    void Fail(Exception exception);
}

internal sealed class Queued<T>(string caseId, WriteJob<T> job) : IQueued
{
    public string CaseId => caseId;

    public TaskCompletionSource<T> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<(object? Answer, CaseSave? Save)> RunAsync(WriteSession session)
    {
        var written = await job(session, CancellationToken.None);
        return (written.Answer, written.Save);
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
