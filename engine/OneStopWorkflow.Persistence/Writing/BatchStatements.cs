using System.Data;
using System.Data.Common;
using System.Globalization;
using Npgsql;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Writing;

/// <summary>
/// The statements the batch writer runs, created and prepared once on its own connection and reused for every
/// command (Microsoft.Data.Sqlite keeps a statement prepared per command object; Npgsql keeps it prepared on the
/// server). They write exactly the rows <see cref="CaseStore.SaveAsync"/> has EF Core write, value for value: SQLite
/// stores instants as UTC ticks and PostgreSQL as timestamptz in UTC, enums as their names, as the EF model does.
/// </summary>
public sealed partial class BatchStatements : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly StorageProvider _provider;
    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);
    private DbTransaction? _transaction;

    public BatchStatements(DbConnection connection, StorageProvider provider)
    {
        if (provider is not (StorageProvider.Sqlite or StorageProvider.Postgres))
        {
            throw new ArgumentOutOfRangeException(nameof(provider), provider, "Only SQLite and PostgreSQL.");
        }

        (_connection, _provider) = (connection, provider);
    }

    /// <summary>
    /// The transaction every statement runs in until the next <see cref="Use"/>. A new transaction has no savepoint
    /// left to release: a commit or a rollback ends them all.
    /// </summary>
    public void Use(DbTransaction? transaction)
    {
        _transaction = transaction;
        _releasesDue = 0;
    }

    private const string CaseColumns = """
        id, dossier_code, secret, procedure_code, procedure_version, procedure_hash, receiving_unit, channel, status,
        received_at, appointment, promised_appointment, next_due_at, finished_at, outcome, timeliness, received_day,
        finished_day, version, last_hash, lease_owner, lease_until, supplement_requests, late_by_supplements,
        processing_minutes, paper_result, counts_online, counts_e_result, counts_digitised
        """;

    public Task InsertCaseAsync(CaseRow row, CancellationToken cancellationToken) =>
        RunAsync("insert-case", CaseTypes, $"INSERT INTO cases ({CaseColumns}) VALUES ({Slots(29)})",
            CaseValues(row), cancellationToken);

    /// <summary>Updates the case row if it is still at <paramref name="expectedVersion"/>; false if not.</summary>
    public async Task<bool> UpdateCaseAsync(CaseRow row, int expectedVersion, CancellationToken cancellationToken)
    {
        var sets = string.Join(", ", CaseColumns.Split(',', StringSplitOptions.TrimEntries).Skip(1)
            .Select((c, i) => $"{c} = @p{i + 1}"));
        object?[] values = [.. CaseValues(row), expectedVersion];
        return await RunAsync("update-case", CaseTypes + "i",
            $"UPDATE cases SET {sets} WHERE id = @p0 AND version = @p29",
            values, cancellationToken) == 1;
    }

    private object?[] CaseValues(CaseRow r) =>
    [
        r.Id, r.DossierCode, r.SecretHash, r.ProcedureCode, r.ProcedureVersion, r.ProcedureHash, r.ReceivingUnit,
        r.Channel, r.Status.ToString(), Instant(r.ReceivedAt), Instant(r.Appointment), Instant(r.PromisedAppointment),
        Instant(r.NextDueAt), Instant(r.FinishedAt), r.Outcome, r.Timeliness, r.ReceivedDay, r.FinishedDay, r.Version,
        r.LastHash, r.LeaseOwner, Instant(r.LeaseUntil), r.SupplementRequests, Flag(r.LateBySupplements),
        r.ProcessingMinutes, Flag(r.PaperResult), Flag(r.CountsOnline), Flag(r.CountsEResult), Flag(r.CountsDigitised),
    ];

    /// <summary>The parameter types of <see cref="CaseColumns"/> (see <see cref="RunAsync"/>).</summary>
    private const string CaseTypes = "ssssisssstttttssssisst" + "iiiiiii";

    /// <summary>A flag as the EF model stores it: 0 or 1.</summary>
    private static int Flag(bool value) => value ? 1 : 0;

    public Task InsertEventAsync(Trail.EventRow e, CancellationToken cancellationToken) =>
        RunAsync("insert-event", "sistssssss", """
            INSERT INTO events (case_id, sequence, type, at, "user", role, unit, payload, previous_hash, hash)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)
            """, [e.CaseId, e.Sequence, e.Type, Instant(e.At), e.User, e.Role, e.Unit, e.Payload, e.PreviousHash,
            e.Hash], cancellationToken);

    public Task InsertClaimAsync(Escalations.EscalationClaimRow c, CancellationToken cancellationToken) =>
        RunAsync("insert-claim", "sssti", """
            INSERT INTO escalation_claims (case_id, key, claimed_by, fired_at, event_sequence)
            VALUES (@p0, @p1, @p2, @p3, @p4)
            """, [c.CaseId, c.Key, c.ClaimedBy, Instant(c.FiredAt), c.EventSequence], cancellationToken);

    /// <summary>
    /// A paper's row; its id, which the database gives, is set on <paramref name="d"/> (on PostgreSQL once the
    /// command's round trip has run), so that the caller can link the paper it just issued.
    /// </summary>
    public async Task InsertDocumentAsync(DocumentRow d, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(d);
        const string Sql = """
            INSERT INTO documents (case_id, event_sequence, document, form, media_type, content, sha256, issued_at)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
            RETURNING id
            """;
        object?[] values =
        [
            d.CaseId, d.EventSequence, d.Document, d.Form, d.MediaType, d.Content, d.Sha256, Instant(d.IssuedAt),
        ];
        if (_collected is not null)
        {
            _collected.Add(("sissssst", Sql, values));
            return;
        }

        var command = await CommandAsync("insert-document", "sissssst", Sql, values, cancellationToken);
        d.Id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>An outbox row, in the transaction of the event causing it (<see cref="Outbox.OutboxRows"/>).</summary>
    public Task InsertMailAsync(Outbox.OutboxMessageRow m, CancellationToken cancellationToken) =>
        RunAsync("insert-mail", "sisssssttit", """
            INSERT INTO outbox_messages (case_id, event_sequence, kind, recipient, subject, body, message_id,
                created_at, next_attempt_at, attempts, sent_at)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)
            """, [m.CaseId, m.EventSequence, m.Kind, m.Recipient, m.Subject, m.Body, m.MessageId,
            Instant(m.CreatedAt), Instant(m.NextAttemptAt), m.Attempts, Instant(m.SentAt)], cancellationToken);

    public Task InsertTaskAsync(TaskRow t, CancellationToken cancellationToken) =>
        RunAsync("insert-task", "sssssstttsd", """
            INSERT INTO tasks (case_id, task_id, step, unit, role, status, activated_at, due, completed_at, action,
                working_hours)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)
            """, TaskValues(t), cancellationToken);

    public Task UpdateTaskAsync(TaskRow t, CancellationToken cancellationToken) =>
        RunAsync("update-task", "sssssstttsd", """
            UPDATE tasks SET step = @p2, unit = @p3, role = @p4, status = @p5, activated_at = @p6, due = @p7,
                completed_at = @p8, action = @p9, working_hours = @p10
            WHERE case_id = @p0 AND task_id = @p1
            """, TaskValues(t), cancellationToken);

    private object?[] TaskValues(TaskRow t) =>
    [
        t.CaseId, t.TaskId, t.Step, t.Unit, t.Role, t.Status.ToString(), Instant(t.ActivatedAt), Instant(t.Due),
        Instant(t.CompletedAt), t.Action, t.WorkingHours,
    ];

    /// <summary>
    /// Writes one decision's rows (not its figures, which a batch sums: <see cref="FigureSums"/>); false when the
    /// case is no longer at the version the decision was made on, and then the caller rolls the command back.
    /// </summary>
    public async Task<bool> WriteAsync(CaseChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (_provider == StorageProvider.Postgres && _collected is null)
        {
            return await WriteInOneRoundTripAsync(change, cancellationToken);
        }

        if (change.IsNew)
        {
            await InsertCaseAsync(change.Case, cancellationToken);
        }
        else if (!await UpdateCaseAsync(change.Case, change.ExpectedVersion, cancellationToken))
        {
            return false;
        }

        foreach (var e in change.Events)
        {
            await InsertEventAsync(e, cancellationToken);
        }

        foreach (var claim in change.Claims)
        {
            await InsertClaimAsync(claim, cancellationToken);
        }

        foreach (var document in change.Documents)
        {
            await InsertDocumentAsync(document, cancellationToken);
        }

        foreach (var mail in change.Mails)
        {
            await InsertMailAsync(mail, cancellationToken);
        }

        foreach (var task in change.NewTasks)
        {
            await InsertTaskAsync(task, cancellationToken);
        }

        foreach (var task in change.ChangedTasks)
        {
            await UpdateTaskAsync(task, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// PostgreSQL: the same statements as <see cref="WriteAsync"/> runs one by one, sent as one
    /// <see cref="NpgsqlBatch"/> (with the command's savepoint when one is due), so a command costs one round trip
    /// for its rows instead of one per row. The version guard is read from the update's count of rows.
    /// </summary>
    private async Task<bool> WriteInOneRoundTripAsync(CaseChange change, CancellationToken cancellationToken)
    {
        var collected = await CollectAsync(() => WriteAsync(change, cancellationToken));
        await using var batch = NewBatch();
        var opensSavepoint = _savepoint == SavepointState.Due;
        if (opensSavepoint)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SAVEPOINT command"));
        }

        var guard = batch.BatchCommands.Count;
        Add(batch, collected);

        if (opensSavepoint)
        {
            // Open from here on, even if a later statement fails: the caller then rolls back to it.
            _savepoint = SavepointState.Open;
        }

        try
        {
            // The only rows the statements return are the papers' ids, one result a paper, in the papers' order.
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var papers = 0;
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    change.Documents[papers++].Id = reader.GetInt64(0);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
        catch (PostgresException ex) when (!change.IsNew && ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The guarded update found another version and the trail's sequence key then stopped the events: the
            // case moved on, as a failed guard says when the statements run one by one. The caller rolls back.
            return false;
        }

        return change.IsNew || batch.BatchCommands[guard].RecordsAffected == 1;
    }

    /// <summary>
    /// The statements <paramref name="write"/> would run one by one, collected (with their values) instead of run,
    /// to be sent as one <see cref="NpgsqlBatch"/>.
    /// </summary>
    private async Task<List<(string Types, string Sql, object?[] Values)>> CollectAsync(Func<Task> write)
    {
        List<(string Types, string Sql, object?[] Values)> collected = [];
        _collected = collected;
        try
        {
            await write();
        }
        finally
        {
            _collected = null;
        }

        return collected;
    }

    /// <summary>
    /// A PostgreSQL batch on the writer's transaction, opening with the releases of the commands' savepoints still
    /// due: they ride on the next round trip instead of costing one each.
    /// </summary>
    private NpgsqlBatch NewBatch()
    {
        var batch = new NpgsqlBatch((NpgsqlConnection)_connection, (NpgsqlTransaction?)_transaction);
        for (; _releasesDue > 0; _releasesDue--)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("RELEASE SAVEPOINT command"));
        }

        return batch;
    }

    private void Add(NpgsqlBatch batch, List<(string Types, string Sql, object?[] Values)> statements)
    {
        foreach (var (types, sql, values) in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.Add(
                    new NpgsqlParameter($"p{i}", TypeOf(types[i])) { Value = values[i] ?? DBNull.Value });
            }

            batch.BatchCommands.Add(command);
        }
    }

    /// <summary>
    /// PostgreSQL: a batch's day figures as one round trip (each UPSERT one statement of it, the savepoints' due
    /// releases first) instead of one per row.
    /// </summary>
    private async Task AddFiguresInOneRoundTripAsync(FigureSums sums, CancellationToken cancellationToken)
    {
        var collected = await CollectAsync(() => AddEachFigureAsync(sums, cancellationToken));
        await using var batch = NewBatch();
        Add(batch, collected);
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// PostgreSQL: releases of commands' savepoints not yet sent (<see cref="ReleaseAsync"/> defers them); a
    /// statement run on its own sends them first.
    /// </summary>
    private int _releasesDue;

    private async Task ReleaseDueAsync(CancellationToken cancellationToken)
    {
        if (_releasesDue > 0)
        {
            await using var batch = NewBatch();
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>While a PostgreSQL command's rows are collected for one round trip, the statements collected.</summary>
    private List<(string Types, string Sql, object?[] Values)>? _collected;

    private enum SavepointState
    {
        None,
        Due,
        Open,
    }

    private SavepointState _savepoint;

    /// <summary>
    /// Opens a command's all-or-nothing unit inside the batch's transaction, in the database when the command runs
    /// its first statement: a command that runs none (a step on a cached case, refused or decided) costs nothing.
    /// </summary>
    public Task SavepointAsync(CancellationToken cancellationToken)
    {
        _savepoint = SavepointState.Due;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Keeps what the command did and closes its unit. On PostgreSQL the release is sent with the next round trip
    /// (the commit ends every savepoint anyway), so a command's rows cost one round trip, not two.
    /// </summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (_savepoint == SavepointState.Open)
        {
            if (_provider == StorageProvider.Postgres)
            {
                _releasesDue++;
            }
            else
            {
                await ExecuteAsync("release", "RELEASE SAVEPOINT command", cancellationToken);
            }
        }

        _savepoint = SavepointState.None;
    }

    /// <summary>Undoes what the command did (its unit stays open until <see cref="ReleaseAsync"/>).</summary>
    public async Task RollbackToSavepointAsync(CancellationToken cancellationToken)
    {
        if (_savepoint == SavepointState.Open)
        {
            await ExecuteAsync("rollback-to", "ROLLBACK TO SAVEPOINT command", cancellationToken);
        }
    }

    /// <summary>Opens the savepoint that is due before a command's first statement.</summary>
    private async Task OpenDueSavepointAsync(CancellationToken cancellationToken)
    {
        if (_savepoint == SavepointState.Due)
        {
            _savepoint = SavepointState.Open;
            await ExecuteAsync("savepoint", "SAVEPOINT command", cancellationToken);
        }
    }

    private async Task ExecuteAsync(string name, string sql, CancellationToken cancellationToken)
    {
        await ReleaseDueAsync(cancellationToken);
        var command = await PreparedAsync(name, "", sql, cancellationToken);
        command.Transaction = _transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private object? Instant(DateTimeOffset? value) => value is not { } v ? null
        : _provider == StorageProvider.Sqlite ? v.UtcTicks : v.ToUniversalTime();

    private static string Slots(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"@p{i}"));

    /// <param name="types">
    /// One letter a parameter: s text, i integer, l long integer, d double, t an instant (ticks on SQLite,
    /// timestamptz on PostgreSQL), so that a null is typed as its column is.
    /// </param>
    private async Task<int> RunAsync(
        string name, string types, string sql, object?[] values, CancellationToken cancellationToken)
    {
        if (_collected is not null)
        {
            _collected.Add((types, sql, values));
            return 1;
        }

        return await (await CommandAsync(name, types, sql, values, cancellationToken))
            .ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The prepared command <paramref name="name"/> with its values bound, after any due savepoint.</summary>
    private async Task<DbCommand> CommandAsync(
        string name, string types, string sql, object?[] values, CancellationToken cancellationToken)
    {
        await ReleaseDueAsync(cancellationToken);
        await OpenDueSavepointAsync(cancellationToken);
        var command = await PreparedAsync(name, types, sql, cancellationToken);
        command.Transaction = _transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }

    private async Task<DbCommand> PreparedAsync(
        string name, string types, string sql, CancellationToken cancellationToken)
    {
        if (!_prepared.TryGetValue(name, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = _transaction;
            for (var i = 0; i < types.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                parameter.DbType = TypeOf(types[i]);
                command.Parameters.Add(parameter);
            }

            if (_provider == StorageProvider.Postgres)
            {
                await command.PrepareAsync(cancellationToken);
            }

            _prepared[name] = command;
        }

        return command;
    }

    private DbType TypeOf(char type) => type switch
    {
        'i' => DbType.Int32,
        'l' => DbType.Int64,
        'd' => DbType.Double,
        't' => _provider == StorageProvider.Sqlite ? DbType.Int64 : DbType.DateTimeOffset,
        _ => DbType.String,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _prepared.Values)
        {
            await command.DisposeAsync();
        }

        _prepared.Clear();
    }
}
