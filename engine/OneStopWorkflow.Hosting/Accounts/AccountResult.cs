using System.Collections.Immutable;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Accounts;

/// <summary>What an account command did: done, or the reasons it was refused (nothing was written then).</summary>
public sealed record AccountResult(ImmutableArray<Rejection> Rejections) : IRefusable<AccountResult>
{
    public static readonly AccountResult Done = new(ImmutableArray<Rejection>.Empty);

    public bool IsRejected => !Rejections.IsEmpty;

    public static AccountResult Refused(Rejection rejection) => new([rejection]);
}
