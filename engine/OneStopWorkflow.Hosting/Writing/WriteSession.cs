using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Codes;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Writing;

namespace OneStopWorkflow.Hosting.Writing;

/// <summary>
/// A command as the writer runs it: decide on the case as the session finds it, and say what to answer and what to
/// save (null when nothing is written, a refusal).
/// </summary>
public delegate Task<Written<T>> WriteJob<T>(WriteSession session, CancellationToken cancellationToken);

/// <summary>
/// A command's answer and the decision to save with it. <see cref="Documents"/>, when set, renders the paperwork the
/// decision issues: a pure function of the decision that the writer runs off its loop, in parallel with deciding the
/// next commands, and puts into <see cref="CaseSave.Documents"/> before the rows are written.
/// </summary>
public sealed record Written<T>(T Answer, CaseSave? Save)
{
    public Func<IReadOnlyList<RenderedDocument>>? Documents { get; init; }

    /// <summary>
    /// Renders the mails the decision's events cause, like <see cref="Documents"/>, into <see cref="CaseSave.Mails"/>:
    /// they go to the outbox in the same transaction as the events.
    /// </summary>
    public Func<IReadOnlyList<Engine.Mail.RenderedMail>>? Mails { get; init; }

    /// <summary>
    /// When set, the answer made from the rows as they were written (the trail's hashes, the papers' ids) instead of
    /// <see cref="Answer"/>: what a page shows after the command without reading the case again. It runs on the
    /// writer's loop, so it only picks rows up; the caller builds its view from them.
    /// </summary>
    public Func<CaseChange, T>? AnswerWith { get; init; }
}

/// <summary>
/// What a command sees in the writer: the writer's own context (in the batch's transaction) for the catalog and the
/// numbers, and the cases as they stand, the batch's own writes included.
/// </summary>
public sealed class WriteSession
{
    private readonly Func<string, StoredCase?> _known;
    private readonly CaseCache _cache;

    internal WriteSession(
        OneStopDbContext db, BatchStatements? statements, Func<string, StoredCase?> known, CaseCache cache) =>
        (Db, _statements, _known, _cache) = (db, statements, known, cache);

    private readonly BatchStatements? _statements;

    public OneStopDbContext Db { get; }

    /// <summary>The next dossier number of a unit's day, in the batch's transaction.</summary>
    public Task<int> NextDossierNumberAsync(
        string unit, string day, int atLeast, CancellationToken cancellationToken) =>
        _statements?.NextDossierNumberAsync(unit, day, atLeast, cancellationToken)
        ?? DossierSequences.NextAsync(Db, unit, day, atLeast, cancellationToken);

    /// <summary>The next entry of a unit's tracking book, in the batch's transaction.</summary>
    public Task<Engine.Runtime.TrackingBookEntry> NextBookEntryAsync(
        string unit, int year, CancellationToken cancellationToken) =>
        _statements?.NextBookEntryAsync(unit, year, cancellationToken)
        ?? TrackingBookSequences.NextAsync(Db, unit, year, cancellationToken);

    public Task<bool> IsDossierCodeTakenAsync(string dossierCode, CancellationToken cancellationToken) =>
        _statements?.IsDossierCodeTakenAsync(dossierCode, cancellationToken)
        ?? Db.Cases.AnyAsync(c => c.DossierCode == dossierCode, cancellationToken);

    /// <summary>
    /// The published version a new case of <paramref name="code"/> starts on (the newest, or the one asked for), read
    /// in the batch's transaction and loaded from the catalog's memory; null when there is none.
    /// </summary>
    public async Task<LoadedVersion?> PublishedVersionAsync(
        ProcedureCatalog catalog, string code, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (_statements is null)
        {
            return await catalog.PublishedVersionAsync(Db, code, version, cancellationToken);
        }

        return await _statements.PublishedVersionAsync(code, version, cancellationToken) is not { } number
            ? null
            : catalog.Pinned(code, number) ?? await catalog.PublishedVersionAsync(Db, code, number, cancellationToken);
    }

    /// <summary>The case as it stands: written earlier in this batch, cached, or read (one replay).</summary>
    public async Task<StoredCase?> FindAsync(string caseId, CancellationToken cancellationToken)
    {
        if (_known(caseId) is { } known)
        {
            return known;
        }

        var stored = await new CaseStore(Db).FindAsync(caseId, cancellationToken);
        if (stored is not null)
        {
            _cache.Put(stored);
        }

        return stored;
    }
}
