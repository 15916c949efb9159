using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OneStopWorkflow.Cli.Workload;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Writing;

namespace OneStopWorkflow.Cli.Benchmarking;

/// <summary>
/// The physical limit next to the app's figure: the bench's own rows (decided and rendered beforehand, not timed)
/// written to a fresh SQLite file by the writer's prepared statements, each command in its savepoint, N commands per
/// FULL-durability commit. What the app adds on top of it is its own cost: requests, deciding, rendering, queueing.
/// </summary>
internal static class RawTwin
{
    public sealed record Result(int CommandsPerCommit, int Commands, double CommandsPerSecond, double CommitP99Ms);

    public static async Task<Result> RunAsync(
        DecisionContext context, string[] communes, int cases, int perCommit, string file,
        CancellationToken cancellationToken)
    {
        var changes = Decide(context, communes, cases);
        await using var db = OneStopDatabase.CreateContext(StorageProvider.Sqlite, $"Data Source={file}");
        await OneStopDatabase.MigrateAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;", cancellationToken);
        await using var statements = new BatchStatements(db.Database.GetDbConnection(), StorageProvider.Sqlite);
        var commits = new List<double>();
        var clock = Stopwatch.StartNew();
        foreach (var batch in changes.Chunk(Math.Max(1, perCommit)))
        {
            var started = Stopwatch.GetTimestamp();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            statements.Use(transaction.GetDbTransaction());
            var figures = new FigureSums();
            foreach (var change in batch)
            {
                await statements.SavepointAsync(cancellationToken);
                await statements.WriteAsync(change, cancellationToken);
                figures.Add(change.Figures);
                await statements.ReleaseAsync(cancellationToken);
            }

            await statements.AddFiguresAsync(figures, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            commits.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        commits.Sort();
        return new Result(perCommit, changes.Count, Math.Round(changes.Count / seconds, 1),
            Math.Round(commits[Math.Min(commits.Count - 1, (int)(commits.Count * 0.99))], 2));
    }

    /// <summary>The rows of the bench's cases, interleaved as concurrent clerks' commands arrive.</summary>
    private static List<CaseChange> Decide(DecisionContext context, string[] communes, int cases)
    {
        var lookup = new LookupPage("https://dichvucong.example.vn/tra-cuu") { Secret = "00000000" };
        var perCase = new List<List<CaseChange>>();
        for (var i = 0; i < cases; i++)
        {
            var changes = new List<CaseChange>();
            StoredCase? stored = null;
            void Save(CaseCommand command)
            {
                var decision = Workflow.Decide(context, stored?.State, command);
                var state = decision.State ?? throw new InvalidOperationException(
                    string.Join("; ", decision.Rejections));
                var documents = DocumentRenderer.RenderIssued(
                    context, stored?.State, stored?.Events ?? [], decision.Events, lookup);
                var change = CaseRows.Of(new CaseSave(stored, state, decision.Events,
                    Workflow.NextTick(context, state), documents, command.Actor.User, context.Calendar)
                {
                    Procedure = context.Procedure,
                });
                changes.Add(change);
                stored = new StoredCase(state, [.. stored?.Events ?? [], .. decision.Events], change.Case);
            }

            foreach (var command in LandTransferWorkload.Commands(i, communes, $"raw{i}"))
            {
                Save(command);
            }

            perCase.Add(changes);
        }

        var longest = perCase.Max(c => c.Count);
        return [.. Enumerable.Range(0, longest)
            .SelectMany(step => perCase.Where(c => step < c.Count).Select(c => c[step]))];
    }
}
