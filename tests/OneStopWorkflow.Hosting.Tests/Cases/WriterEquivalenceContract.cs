using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Mail;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Writing;
using OneStopWorkflow.Testing;

namespace OneStopWorkflow.Hosting.Tests.Cases;

/// <summary>
/// The batch writer's prepared statements write exactly the rows EF Core writes: the same decisions (receipts,
/// steps, a supplement loop, an escalation, a withdrawal) saved once through <see cref="CaseStore.SaveAsync"/> and
/// once through <see cref="BatchStatements"/> in batches of savepoints, then every row of the case tables compared
/// value for value, ids included.
/// </summary>
public abstract class WriterEquivalenceContract(StorageProvider provider) : StoreContract(provider)
{
    private readonly StorageProvider _provider = provider;

    private static readonly string[] Tables =
    [
        "cases", "events", "tasks", "documents", "escalation_claims", "case_figures", "step_figures",
        "outbox_messages",
    ];

    [Fact]
    public async Task The_batch_writer_writes_the_rows_EF_Core_writes_value_for_value()
    {
        var saves = Decisions();
        await using var byEf = await TestApp.DatabaseAsync(_provider);
        await using var byStatements = await TestApp.DatabaseAsync(_provider);
        await using (var db = byEf.CreateContext())
        {
            await OneStopDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);
            foreach (var save in saves)
            {
                await new CaseStore(db).SaveAsync(save, TestContext.Current.CancellationToken);
            }
        }

        await using (var db = byStatements.CreateContext())
        {
            await OneStopDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var statements = new BatchStatements(db.Database.GetDbConnection(), _provider);
            foreach (var batch in saves.Chunk(4))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(
                    TestContext.Current.CancellationToken);
                statements.Use(transaction.GetDbTransaction());
                var figures = new FigureSums();
                foreach (var save in batch)
                {
                    await statements.SavepointAsync(TestContext.Current.CancellationToken);
                    var change = CaseRows.Of(save);
                    Assert.True(await statements.WriteAsync(change, TestContext.Current.CancellationToken));
                    figures.Add(change.Figures);
                    await statements.ReleaseAsync(TestContext.Current.CancellationToken);
                }

                await statements.AddFiguresAsync(figures, TestContext.Current.CancellationToken);
                await transaction.CommitAsync(TestContext.Current.CancellationToken);
            }
        }

        foreach (var table in Tables)
        {
            var expected = await RowsAsync(byEf, table);
            Assert.True(expected.Count > 0, $"EF wrote no row to {table}.");
            Assert.Equal(expected, await RowsAsync(byStatements, table));
        }
    }

    [Fact]
    public async Task A_decision_on_a_case_that_moved_on_is_refused_by_the_version_guard_and_writes_nothing()
    {
        var saves = Decisions();
        await using var database = await TestApp.DatabaseAsync(_provider);
        await using var db = database.CreateContext();
        await OneStopDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var statements = new BatchStatements(db.Database.GetDbConnection(), _provider);
        await using (var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            statements.Use(transaction.GetDbTransaction());
            Assert.True(await statements.WriteAsync(CaseRows.Of(saves[0]), TestContext.Current.CancellationToken));
            Assert.True(await statements.WriteAsync(CaseRows.Of(saves[1]), TestContext.Current.CancellationToken));
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        // The second decision again, as a second process that read the case before the first wrote it would send.
        await using (var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            statements.Use(transaction.GetDbTransaction());
            await statements.SavepointAsync(TestContext.Current.CancellationToken);
            Assert.False(await statements.WriteAsync(CaseRows.Of(saves[1]), TestContext.Current.CancellationToken));
            await statements.RollbackToSavepointAsync(TestContext.Current.CancellationToken);
            await statements.ReleaseAsync(TestContext.Current.CancellationToken);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        var events = await db.Events.CountAsync(TestContext.Current.CancellationToken);
        Assert.Equal(saves[0].Events.Count + saves[1].Events.Count, events);
    }

    /// <summary>Every row of <paramref name="table"/> in key order, each value as invariant text.</summary>
    private static async Task<List<string>> RowsAsync(TestDatabase database, string table)
    {
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount)
                .OrderBy(reader.GetName, StringComparer.Ordinal)
                .Select(i => $"{reader.GetName(i)}={Text(reader, i)}")));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Text(DbDataReader reader, int i) => reader.IsDBNull(i)
        ? "null"
        : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// Three land transfers decided by the engine, one command after another as clerks would send them: one to
    /// its result through a supplement loop, one left to escalate past its deadline, one withdrawn.
    /// </summary>
    private static List<CaseSave> Decisions()
    {
        var folder = Repository.PathOf("procedures", "land-use-transfer", "v1");
        var procedure = ProcedureLoader.Load(
            Testing.Catalog.ReadVersion(folder, "procedures/land-use-transfer/v1"),
            Testing.Catalog.Context(new DateOnly(2026, 3, 2))).Procedure!;
        var saves = new List<CaseSave>();
        var received = At("2026-03-02T09:00:00+07:00");
        var officer = new Actor("officer.cn1", [new Membership("HP.VPDKDD.CN1", "land-officer")]);
        var leader = new Actor("leader.cn1", [new Membership("HP.VPDKDD.CN1", "leader")]);
        var steps = new (Actor Actor, CaseCommand Command)[]
        {
            (officer, new ActCommand(officer, "request-supplement")
            {
                Input = ImmutableDictionary<string, string>.Empty.Add("reason", "Thiếu văn bản đồng ý"),
            }),
            (People.ClerkLeChan, new ResubmitCommand(People.ClerkLeChan)),
            (officer, new ActCommand(officer, "send-to-tax")),
            (officer, new ActCommand(officer, "tax-paid")),
            (officer, new ActCommand(officer, "submit")),
            (leader, new ActCommand(leader, "approve")),
            (People.ClerkLeChan, new ActCommand(People.ClerkLeChan, "deliver")),
        };
        for (var n = 0; n < 3; n++)
        {
            var now = received.AddMinutes(n);
            StoredCase? stored = null;
            void Save(DecisionContext context, CaseCommand command, string actedBy)
            {
                var decision = Workflow.Decide(context, stored?.State, command);
                Assert.False(decision.IsRejected, string.Join("; ", decision.Rejections));
                var state = decision.State!;
                var documents = DocumentRenderer.RenderIssued(context, stored?.Events ?? [], decision.Events,
                    new LookupPage("https://dichvucong.example.vn/tra-cuu") { Secret = $"secret{n}" });
                // v1 has no applicant_email field: each issued paper's mail is made here, as the renderer would.
                var mails = decision.Events.Select((e, i) => (Event: e, Sequence: (stored?.Events.Length ?? 0) + i + 1))
                    .Where(p => p.Event is DocumentIssued)
                    .Select(p => new RenderedMail(p.Sequence, MailKind.Receipt, $"an{n}@example.vn",
                        $"Thư {p.Sequence}", $"Nội dung thư {p.Sequence}\n"))
                    .ToList();
                var save = new CaseSave(stored, state, decision.Events, Workflow.NextTick(context, state, context.Now),
                    documents, actedBy, Testing.Catalog.Calendar) { Mails = mails, Procedure = context.Procedure };
                saves.Add(save);
                stored = new StoredCase(state, [.. stored?.Events ?? [], .. decision.Events], CaseRows.Of(save).Case);
            }

            var receive = new ReceiveCommand(People.ClerkLeChan, new CaseId($"case-{n}"), "HP.LECHAN")
            {
                Fields = LandTransferFields.Complete, Components = LandTransferFields.Components,
                Secret = $"secret{n}", Sequence = n + 1, Book = new TrackingBookEntry(1, n + 1),
            };
            Save(Context(procedure, now), receive, "clerk.lechan");
            var take = n switch { 0 => steps.Length, 1 => 2, _ => 0 };
            foreach (var (actor, command) in steps.Take(take))
            {
                now = now.AddHours(1);
                Save(Context(procedure, now), command, actor.User);
            }

            if (n == 1)
            {
                // Weeks later the scanner ticks it: its deadline has passed and the escalations fire once.
                Save(Context(procedure, now.AddDays(40)), new TickCommand { Secret = "tick" }, "scanner/test");
            }
            else if (n == 2)
            {
                Save(Context(procedure, now.AddHours(2)),
                    new WithdrawCommand(People.ClerkLeChan, "Người nộp rút hồ sơ"), "clerk.lechan");
            }
        }

        return saves;
    }

    private static DecisionContext Context(ProcedureDefinition procedure, DateTimeOffset now) =>
        new(procedure, "hash-v1", Testing.Catalog.Calendar, Testing.Catalog.Units, now);
}

public sealed class SqliteWriterEquivalenceTests() : WriterEquivalenceContract(StorageProvider.Sqlite);

public sealed class PostgresWriterEquivalenceTests() : WriterEquivalenceContract(StorageProvider.Postgres);
