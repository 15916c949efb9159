using System.Collections.Immutable;
using Mediator;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Online;

/// <summary>A unit a citizen may submit to, by name.</summary>
public sealed record SubmissionUnit(string Code, LocalizedText Name, LocalizedText? Parent);

/// <summary>What the online form of a procedure asks for, and where it may be sent.</summary>
public sealed record OnlineProcedure(
    ProcedureDefinition? Procedure, ImmutableArray<SubmissionUnit> Units, OnlineOptions? Limits, Rejection? Rejection)
    : IRefusable<OnlineProcedure>
{
    public static OnlineProcedure Refused(Rejection rejection) => new(null, [], null, rejection);
}

/// <summary>
/// The newest published version of a procedure offered online, for the citizen's form (no sign-in), with the units
/// of the levels that may receive it.
/// </summary>
public sealed record GetOnlineProcedure(string Code) : IQuery<OnlineProcedure>, IPublicRequest;

internal sealed class GetOnlineProcedureHandler(
    OneStopDbContext db, ProcedureCatalog catalog, Microsoft.Extensions.Options.IOptions<OneStopOptions> options)
    : IQueryHandler<GetOnlineProcedure, OnlineProcedure>
{
    public async ValueTask<OnlineProcedure> Handle(GetOnlineProcedure query, CancellationToken cancellationToken)
    {
        var unknown = Rejection.Of(RejectionCodes.ProcedureUnknown).On("procedure")
            .With("procedure", CaseAccess.Quote(query.Code));
        var row = await ProcedureCatalog.PublishedAsync(db, query.Code, null, cancellationToken);
        if (row is null)
        {
            return OnlineProcedure.Refused(unknown);
        }

        var loaded = await catalog.LoadAsync(row, cancellationToken);
        var procedure = loaded.Procedure!;
        if (procedure.Online is null)
        {
            return OnlineProcedure.Refused(
                Rejection.Of(RejectionCodes.NotOnline).With("procedure", procedure.Title));
        }

        var units = (await catalog.ContextAsync(cancellationToken)).Units;
        var receiving = Engine.Units.Receivers.Of(procedure, units)
            .Select(u => new SubmissionUnit(u.Code, u.Name, units.ParentOf(u.Code)?.Name))
            .ToImmutableArray();
        return new OnlineProcedure(procedure, receiving, options.Value.Online, null);
    }
}
