using Mediator;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>The newest published version of a procedure, for the receive form (staff who may receive).</summary>
public sealed record GetReceivableProcedure(string Code) : IQuery<ReceivableProcedure>;

public sealed record ReceivableProcedure(ProcedureDefinition? Procedure, Rejection? Rejection)
    : IRefusable<ReceivableProcedure>
{
    public static ReceivableProcedure Refused(Rejection rejection) => new(null, rejection);
}

internal sealed class GetReceivableProcedureHandler(OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors)
    : IQueryHandler<GetReceivableProcedure, ReceivableProcedure>
{
    public async ValueTask<ReceivableProcedure> Handle(
        GetReceivableProcedure query, CancellationToken cancellationToken)
    {
        if (CaseAccess.CanAct(actors.Actor!, "receive") is { } readOnly)
        {
            return ReceivableProcedure.Refused(readOnly);
        }

        var row = await ProcedureCatalog.PublishedAsync(db, query.Code, null, cancellationToken);
        return row is null
            ? ReceivableProcedure.Refused(Rejection.Of(RejectionCodes.ProcedureUnknown).On("procedure")
                .With("procedure", CaseAccess.Quote(query.Code)))
            : new ReceivableProcedure((await catalog.LoadAsync(row, cancellationToken)).Procedure, null);
    }
}
