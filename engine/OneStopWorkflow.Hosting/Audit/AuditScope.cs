using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// Who may read which units' figures, cases and books: admins every unit; auditors and leaders the unit they belong
/// to and the units below it. Also the cases an audit filter covers, for an actor who may read them.
/// </summary>
internal sealed class AuditScope(OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors)
{
    /// <summary>Why the actor may not read the figures of <paramref name="unit"/>, or null when they may.</summary>
    public async Task<Rejection?> RefusalAsync(string unit, CancellationToken cancellationToken) =>
        MayRead((await catalog.ContextAsync(cancellationToken)).Units, unit) ? null : Refusal(unit);

    /// <summary>
    /// The cases an audit query covers and the units they were received at, or why the actor may not see them.
    /// </summary>
    public async Task<(IQueryable<CaseRow> Cases, List<string> Units, Rejection? Refused)> CasesAsync(
        AuditFilter filter, CancellationToken cancellationToken)
    {
        var tree = (await catalog.ContextAsync(cancellationToken)).Units;
        if (!MayRead(tree, filter.Unit))
        {
            return (db.Cases.Where(_ => false), [], Refusal(filter.Unit));
        }

        var units = filter.IncludeChildren ? [.. tree.SelfAndBelow(filter.Unit)] : new List<string> { filter.Unit };
        var (from, to) = (Iso(filter.From), Iso(filter.To));
        var cases = db.Cases.AsNoTracking()
            .Where(c => units.Contains(c.ReceivingUnit)
                && string.Compare(c.ReceivedDay, from) >= 0 && string.Compare(c.ReceivedDay, to) <= 0);
        return (filter.Procedure is { Length: > 0 } procedure ? cases.Where(c => c.ProcedureCode == procedure) : cases,
            units, null);
    }

    private bool MayRead(UnitDirectory tree, string unit) => actors.Actor!.Memberships.Any(m => m.Role == Roles.Admin
        || (m.Role is Roles.Auditor or Roles.Leader && tree.IsAtOrAbove(m.Unit, unit)));

    private static Rejection Refusal(string unit) =>
        Rejection.Of(RejectionCodes.Forbidden, "audit").With("unit", CaseAccess.Quote(unit));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
