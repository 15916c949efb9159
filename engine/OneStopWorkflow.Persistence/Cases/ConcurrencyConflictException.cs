using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Persistence.Cases;

/// <summary>
/// Another command changed the case between reading and saving; nothing of this command was written.
/// </summary>
public sealed class ConcurrencyConflictException(CaseId caseId, int expectedVersion, Exception? inner)
    : Exception(
        $"Case {caseId} changed since it was opened (at version {expectedVersion}); nothing was saved. "
        + "Reload the case and try again.",
        inner)
{
    public CaseId CaseId { get; } = caseId;

    public int ExpectedVersion { get; } = expectedVersion;
}
