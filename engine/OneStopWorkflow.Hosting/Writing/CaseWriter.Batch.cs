using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Codes;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Writing;

namespace OneStopWorkflow.Hosting.Writing;

/// <summary>
/// One batch of the writer: the commands decided in order, their paperwork and rows built off the loop, then
/// written each in its own savepoint and committed once (SQL Server: each command saved alone by EF Core).
/// </summary>
public sealed partial class CaseWriter
{
    private sealed partial class Partition
    {
        /// <summary>
        /// Decides and writes the batch in one transaction; returns each command's answer, in the batch's order.
        /// Commands are decided one after the other, each in its own savepoint (a refusal rolls back the numbers it
        /// took); the paperwork of each decision is rendered on the thread pool meanwhile, and the decided commands
        /// are written, each in its own savepoint, once their paperwork is ready: before the next command of a case
        /// already decided in the batch, and at the end.
        /// </summary>
        private async Task<List<(IQueued, object?)>> WriteBatchAsync(List<IQueued> batch)
        {
            var db = await OpenAsync();
            var answers = new (IQueued, object?)[batch.Count];
            if (_statements is null)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    answers[i] = (batch[i], await DecideAloneAsync(db, batch[i]));
                }

                return [.. answers];
            }

            var batchWrite = new BatchWrite(new Dictionary<string, StoredCase>(StringComparer.Ordinal), new());
            await using var transaction = await db.Database.BeginTransactionAsync();
            _statements.Use(transaction.GetDbTransaction());
            var session = new WriteSession(
                db, _statements, id => batchWrite.Written.GetValueOrDefault(id) ?? _cache.Find(id), _cache);
            var decided = new List<Pending>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                if (decided.Exists(p => p.Queued.CaseId == batch[i].CaseId))
                {
                    // The same case again: it is decided on the rows of the one before, so those are written first.
                    await WriteDecidedAsync(decided, session, batchWrite, answers);
                }

                var (pending, answer) = await DecideAsync(i, batch[i], session, _statements);
                if (pending is not null)
                {
                    decided.Add(pending);
                }
                else
                {
                    answers[i] = (batch[i], answer);
                }
            }

            await WriteDecidedAsync(decided, session, batchWrite, answers);
            var committing = System.Diagnostics.Stopwatch.GetTimestamp();
            await _statements.AddFiguresAsync(batchWrite.Figures, CancellationToken.None);

            await transaction.CommitAsync();
            _figures.CommittedIn(committing);
            _statements.Use(null);
            foreach (var stored in batchWrite.Written.Values)
            {
                _cache.Put(stored);
            }

            return [.. answers];
        }

        /// <summary>The cases and figures a batch has written so far.</summary>
        private sealed record BatchWrite(Dictionary<string, StoredCase> Written, FigureSums Figures);

        /// <summary>A command decided, its position in the batch and its paperwork being rendered.</summary>
        private sealed record Pending(
            int Index, IQueued Queued, QueuedDecision Decision, Task<(CaseSave Save, CaseChange Rows)> Rows);

        /// <summary>
        /// Decides one command in its savepoint. A refusal or a failure rolls the savepoint back and is answered at
        /// once (the answer is returned, with no pending write); a decision to save keeps what it took (its
        /// numbers) and starts rendering its paperwork.
        /// </summary>
        private async Task<(Pending? Pending, object? Answer)> DecideAsync(
            int index, IQueued queued, WriteSession session, BatchStatements statements)
        {
            await statements.SavepointAsync(CancellationToken.None);
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var decision = await queued.RunAsync(session);
                _figures.Decided(started);
                if (decision.Save is null)
                {
                    // A refusal keeps nothing it did, such as the numbers a refused receipt took.
                    await statements.RollbackToSavepointAsync(CancellationToken.None);
                    await statements.ReleaseAsync(CancellationToken.None);
                    return (null, decision.Answer);
                }

                await statements.ReleaseAsync(CancellationToken.None);
                // The paperwork and the rows (hashes, payloads, working hours) are built off the loop: the case as
                // it was decided on is its latest row, since a second command of a case waits for the first's rows.
                var rows = Task.Run(() =>
                {
                    var save = decision.Rendered()!;
                    return (save, CaseRows.Of(save));
                });
                return (new Pending(index, queued, decision, rows), null);
            }
            catch (Exception ex) when (ex is not DbException)
            {
                // A bug or a broken case refuses this command alone; the rest of the batch goes on.
                await statements.RollbackToSavepointAsync(CancellationToken.None);
                await statements.ReleaseAsync(CancellationToken.None);
                return (null, ex);
            }
        }

        /// <summary>
        /// Writes the decided commands in order, each in its own savepoint, and clears the list. One whose paperwork
        /// failed is refused alone; one that loses to another process is decided again once, on a fresh read.
        /// </summary>
        private async Task WriteDecidedAsync(
            List<Pending> decided, WriteSession session, BatchWrite batchWrite, (IQueued, object?)[] answers)
        {
            foreach (var pending in decided)
            {
                answers[pending.Index] = (pending.Queued, await WriteOneAsync(pending, session, batchWrite));
            }

            decided.Clear();
        }

        private async Task<object?> WriteOneAsync(Pending pending, WriteSession session, BatchWrite batchWrite)
        {
            var statements = _statements!;
            await statements.SavepointAsync(CancellationToken.None);
            CaseSave? save = null;
            try
            {
                (save, var rows) = await pending.Rows;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await WriteRowsAsync(save, rows, statements, batchWrite);
                _figures.Wrote(started);
                await statements.ReleaseAsync(CancellationToken.None);
                return pending.Decision.AnswerAfter(rows);
            }
            catch (Exception ex) when (IsConflict(ex) && save is not null)
            {
                await statements.RollbackToSavepointAsync(CancellationToken.None);
                await statements.ReleaseAsync(CancellationToken.None);
                batchWrite.Written.Remove(save.After.Id.Value);
                _cache.Forget(save.After.Id.Value);
                return await DecideAgainAsync(pending.Queued, session, batchWrite);
            }
            catch (Exception ex) when (ex is not DbException)
            {
                await statements.RollbackToSavepointAsync(CancellationToken.None);
                await statements.ReleaseAsync(CancellationToken.None);
                return ex;
            }
        }

        /// <summary>A command that lost to another process, decided and written once more from a fresh read.</summary>
        private async Task<object?> DecideAgainAsync(IQueued queued, WriteSession session, BatchWrite batchWrite)
        {
            var statements = _statements!;
            await statements.SavepointAsync(CancellationToken.None);
            CaseSave? save = null;
            try
            {
                var decision = await queued.RunAsync(session);
                save = decision.Rendered();
                if (save is null)
                {
                    await statements.RollbackToSavepointAsync(CancellationToken.None);
                    await statements.ReleaseAsync(CancellationToken.None);
                    return decision.Answer;
                }

                var rows = CaseRows.Of(save);
                await WriteRowsAsync(save, rows, statements, batchWrite);
                await statements.ReleaseAsync(CancellationToken.None);
                return decision.AnswerAfter(rows);
            }
            catch (Exception ex) when (ex is not DbException || (IsConflict(ex) && save is not null))
            {
                await statements.RollbackToSavepointAsync(CancellationToken.None);
                await statements.ReleaseAsync(CancellationToken.None);
                if (save is null || !IsConflict(ex))
                {
                    return ex;
                }

                batchWrite.Written.Remove(save.After.Id.Value);
                _cache.Forget(save.After.Id.Value);
                return new ConcurrencyConflictException(save.After.Id, save.Before?.Row.Version ?? 0, ex);
            }
        }

        /// <summary>The rows of one decision, in the command's savepoint; a lost version guard is a conflict.</summary>
        private static async Task WriteRowsAsync(
            CaseSave save, CaseChange change, BatchStatements statements, BatchWrite batchWrite)
        {
            if (!await statements.WriteAsync(change, CancellationToken.None))
            {
                throw new ConcurrencyConflictException(save.After.Id, change.ExpectedVersion, null);
            }

            batchWrite.Written[change.Case.Id] = new StoredCase(
                save.After, [.. save.Before?.Events ?? [], .. save.Events], change.Case);
            batchWrite.Figures.Add(change.Figures);
        }

        /// <summary>SQL Server: the command decided and saved by EF Core in its own transaction.</summary>
        private async Task<object?> DecideAloneAsync(OneStopDbContext db, IQueued queued)
        {
            var session = new WriteSession(db, null, _cache.Find, _cache);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                var decision = await queued.RunAsync(session);
                var save = decision.Rendered();
                if (save is null)
                {
                    // A refusal is not committed, so it gives back any number it took.
                    return decision.Answer;
                }

                _cache.Forget(save.After.Id.Value);
                var rows = await new CaseStore(db).SaveAsync(save, CancellationToken.None);
                await transaction.CommitAsync();
                return decision.AnswerAfter(rows);
            }
            catch (Exception ex)
            {
                _cache.Forget(queued.CaseId);
                return ex;
            }
        }
    }
}
