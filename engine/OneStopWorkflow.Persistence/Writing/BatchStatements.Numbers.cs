using System.Data;
using System.Data.Common;
using System.Globalization;
using Npgsql;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Writing;

/// <summary>
/// What a receipt takes in the batch's transaction: its procedure's published version, its dossier number, its
/// tracking-book entry, and whether a code is already taken.
/// </summary>
public sealed partial class BatchStatements
{
    /// <summary>
    /// The next number of a unit's day, at least <paramref name="atLeast"/>, in the batch's transaction (as
    /// <see cref="Codes.DossierSequences"/> takes it).
    /// </summary>
    public async Task<int> NextDossierNumberAsync(
        string unit, string day, int atLeast, CancellationToken cancellationToken)
    {
        var command = await CommandAsync("dossier-number", "ssi", """
            INSERT INTO dossier_sequences (unit, day, last) VALUES (@p0, @p1, @p2)
            ON CONFLICT (unit, day) DO UPDATE SET last = CASE WHEN dossier_sequences.last + 1 > @p2
                THEN dossier_sequences.last + 1 ELSE @p2 END
            RETURNING last
            """, [unit, day, Math.Max(1, atLeast)], cancellationToken);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>A unit's next tracking-book entry for a year (as <see cref="Codes.TrackingBookSequences"/>).</summary>
    public async Task<Engine.Runtime.TrackingBookEntry> NextBookEntryAsync(
        string unit, int year, CancellationToken cancellationToken)
    {
        var command = await CommandAsync("book-entry", "si", """
            INSERT INTO tracking_book_sequences (unit, year, volume, last) VALUES (@p0, @p1, 1, 1)
            ON CONFLICT (unit, year) DO UPDATE SET last = tracking_book_sequences.last + 1
            RETURNING volume, last
            """, [unit, year], cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Engine.Runtime.TrackingBookEntry(reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>
    /// The number of the newest published version of <paramref name="code"/>, or <paramref name="version"/> when it
    /// is published; null when there is none. Read in the batch's transaction, so a version another process has just
    /// published is seen by the next receipt.
    /// </summary>
    public async Task<int?> PublishedVersionAsync(string code, int? version, CancellationToken cancellationToken)
    {
        var command = await CommandAsync("published-version", "ssi", """
            SELECT max(version) FROM procedure_versions
            WHERE code = @p0 AND status = @p1 AND (@p2 IS NULL OR version = @p2)
            """, [code, nameof(Catalog.ProcedureVersionStatus.Published), version], cancellationToken);
        return await command.ExecuteScalarAsync(cancellationToken) is { } found and not DBNull
            ? Convert.ToInt32(found, CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>Whether a case already carries <paramref name="dossierCode"/>.</summary>
    public async Task<bool> IsDossierCodeTakenAsync(string dossierCode, CancellationToken cancellationToken)
    {
        var command = await CommandAsync("code-taken", "s", "SELECT 1 FROM cases WHERE dossier_code = @p0",
            [dossierCode], cancellationToken);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
