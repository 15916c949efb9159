using Mediator;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.PublicCatalog;

/// <summary>
/// One procedure of the public catalogue by its code, as its current published version says; no sign-in.
/// </summary>
public sealed record GetPublicProcedure(string Code) : IQuery<PublicProcedureResult>, IPublicRequest;

/// <summary>The procedure's page, or why there is none (no procedure in force has that code).</summary>
public sealed record PublicProcedureResult(PublicProcedureDetails? Procedure, Rejection? Rejection)
{
    /// <summary>The refusal for a code no procedure in force has.</summary>
    public static Rejection Unknown(string code) => Rejection.Of(RejectionCodes.ProcedureUnknown, "public")
        .On("code").With("procedure", TextInput.Quote(code ?? ""));
}

internal sealed class GetPublicProcedureHandler(PublishedProcedures published)
    : IQueryHandler<GetPublicProcedure, PublicProcedureResult>
{
    public async ValueTask<PublicProcedureResult> Handle(GetPublicProcedure query, CancellationToken cancellationToken)
    {
        var code = (query.Code ?? "").Trim();
        return await published.FindAsync(code, cancellationToken) is { } version
            ? new PublicProcedureResult(PublishedProcedures.Details(version), null)
            : new PublicProcedureResult(null, PublicProcedureResult.Unknown(code));
    }
}
