using System.Collections.Immutable;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>The case after a command, or the reasons the command was refused (nothing was written then).</summary>
public sealed record CaseResult(CaseView? Case, ImmutableArray<Rejection> Rejections) : IRefusable<CaseResult>
{
    public bool IsRejected => !Rejections.IsEmpty;

    public static CaseResult Refused(Rejection rejection) => new(null, [rejection]);
}
