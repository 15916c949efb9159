using Mediator;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.EResults;

/// <summary>
/// How the filing of electronic results goes in this process, for staff: null when fine, else the problem (Chromium
/// missing, a case failing), since when and how many cases wait.
/// </summary>
public sealed record GetEResultFiling : IQuery<EResultFiling>;

public sealed record EResultFiling(FilerProblem? Problem, Rejection? Rejection) : IRefusable<EResultFiling>
{
    public static EResultFiling Refused(Rejection rejection) => new(null, rejection);
}

internal sealed class GetEResultFilingHandler(EResultFiler filer) : IQueryHandler<GetEResultFiling, EResultFiling>
{
    public ValueTask<EResultFiling> Handle(GetEResultFiling query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new EResultFiling(filer.Problem, null));
}
