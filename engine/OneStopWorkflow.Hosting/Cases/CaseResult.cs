using System.Collections.Immutable;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>The case after a command, or the reasons the command was refused (nothing was written then).</summary>
public sealed record CaseResult(CaseView? Case, ImmutableArray<Rejection> Rejections)
{
    public bool IsRejected => !Rejections.IsEmpty;

    public static CaseResult Refused(params Rejection[] reasons) => new(null, [.. reasons]);
}
