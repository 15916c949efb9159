using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Persistence.Reception;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>
/// Tickets as people read them: the caller's full name and the served case's dossier code, each looked up once for
/// all the tickets read together.
/// </summary>
internal static class TicketReader
{
    public static async Task<IReadOnlyList<TicketView>> ReadAsync(
        OneStopDbContext db, WorkingCalendar calendar, IReadOnlyList<QueueTicketRow> rows,
        CancellationToken cancellationToken)
    {
        var users = rows.Select(r => r.CalledBy).OfType<string>().Distinct().ToList();
        var names = users.Count == 0 ? [] : await db.Users.Where(u => users.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, StringComparer.Ordinal, cancellationToken);
        var cases = rows.Select(r => r.CaseId).OfType<string>().Distinct().ToList();
        var codes = cases.Count == 0 ? [] : await db.Cases.Where(c => cases.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.DossierCode, StringComparer.Ordinal, cancellationToken);
        return [.. rows.Select(r => new TicketView(r.Id, r.Centre, r.Number, r.State, calendar.ToLocal(r.IssuedAt))
        {
            CalledAt = r.CalledAt is { } called ? calendar.ToLocal(called) : null,
            CalledBy = r.CalledBy,
            CalledByName = r.CalledBy is { } user ? names.GetValueOrDefault(user) : null,
            Counter = r.Counter,
            Recalls = r.Recalls,
            RecalledAt = r.RecalledAt is { } recalled ? calendar.ToLocal(recalled) : null,
            Visit = r.Visit,
            CaseId = r.CaseId,
            DossierCode = r.CaseId is { } id ? codes.GetValueOrDefault(id) : null,
            Note = r.Note,
            ClosedAt = r.ClosedAt is { } closed ? calendar.ToLocal(closed) : null,
        })];
    }

    public static async Task<TicketView> ReadOneAsync(
        OneStopDbContext db, WorkingCalendar calendar, QueueTicketRow row, CancellationToken cancellationToken) =>
        (await ReadAsync(db, calendar, [row], cancellationToken))[0];
}
