using System.Collections.Immutable;
using Mediator;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.PublicCatalog;

/// <summary>
/// The public catalogue: every procedure in force, no sign-in. <see cref="Text"/> searches titles, national codes
/// and legal basis without diacritics; <see cref="Unit"/> keeps the procedures that unit may receive.
/// </summary>
public sealed record ListPublicProcedures : IQuery<PublicProcedureList>, IPublicRequest
{
    public string? Text { get; init; }

    /// <summary>A unit's code: only the procedures it may receive.</summary>
    public string? Unit { get; init; }
}

/// <summary>
/// The procedures found, and the units a citizen may pick from by level (those that may receive at least one
/// procedure); or why the search cannot be answered.
/// </summary>
public sealed record PublicProcedureList(
    ImmutableArray<PublicProcedure> Procedures, ImmutableArray<PublicLevel> Units, Rejection? Rejection);

internal sealed class ListPublicProceduresHandler(PublishedProcedures published, ProcedureCatalog catalog)
    : IQueryHandler<ListPublicProcedures, PublicProcedureList>
{
    private static readonly LocalizedText SearchWords = new("Từ khóa tìm kiếm", "Search words");

    public async ValueTask<PublicProcedureList> Handle(ListPublicProcedures query, CancellationToken cancellationToken)
    {
        if (TextInput.Check(query.Text, "text", SearchWords, CatalogueSearch.MaxLength) is { } badText)
        {
            return new PublicProcedureList([], [], badText);
        }

        var units = (await catalog.ContextAsync(cancellationToken)).Units;
        var unit = string.IsNullOrWhiteSpace(query.Unit) ? null : units.Find(query.Unit.Trim());
        if (!string.IsNullOrWhiteSpace(query.Unit) && unit is null)
        {
            return new PublicProcedureList([], [], Rejection.Of(RejectionCodes.FieldInvalid, "unit").On("unit")
                .With("unit", TextInput.Quote(query.Unit.Trim())));
        }

        var versions = await published.CurrentAsync(cancellationToken);
        var words = CatalogueSearch.Words(query.Text);
        var found = versions
            .Where(v => unit is null || Receivers.MayReceive(v.Procedure, unit))
            .Where(v => CatalogueSearch.Matches(PublishedProcedures.SearchText(v.Procedure), words))
            .Select(PublishedProcedures.Entry);
        var pickable = units.Units.Where(u => versions.Any(v => Receivers.MayReceive(v.Procedure, u)))
            .GroupBy(u => u.Level).OrderBy(g => g.Key)
            .Select(g => new PublicLevel(Receivers.LevelName(g.Key), CatalogueWords.Level(g.Key),
                [.. PublishedProcedures.Ordered(g).Select(PublishedProcedures.Unit)]));
        return new PublicProcedureList([.. found], [.. pickable], null);
    }
}
