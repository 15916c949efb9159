using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Json;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Catalog;
using OneStopWorkflow.Persistence.Codes;
using OneStopWorkflow.Persistence.Escalations;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Persistence.Storage;

/// <summary>
/// The one model of the store. Each provider has a sealed subclass with its own migrations; tables and columns
/// are snake_case so that the few raw SQL statements read the same on every provider.
/// </summary>
public abstract class OneStopDbContext(DbContextOptions options) : DbContext(options)
{
    public abstract StorageProvider Provider { get; }

    public DbSet<ProcedureVersionRow> ProcedureVersions => Set<ProcedureVersionRow>();
    public DbSet<UnitRow> Units => Set<UnitRow>();
    public DbSet<CaseRow> Cases => Set<CaseRow>();
    public DbSet<TaskRow> Tasks => Set<TaskRow>();
    public DbSet<EventRow> Events => Set<EventRow>();
    public DbSet<DocumentRow> Documents => Set<DocumentRow>();
    public DbSet<DossierSequenceRow> DossierSequences => Set<DossierSequenceRow>();
    public DbSet<EscalationClaimRow> EscalationClaims => Set<EscalationClaimRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ProcedureVersionRow>(e =>
        {
            e.ToTable("procedure_versions");
            e.HasIndex(v => new { v.Code, v.Version }).IsUnique();
            e.Property(v => v.Code).HasMaxLength(100);
            e.Property(v => v.Sha256).HasMaxLength(64);
        });
        modelBuilder.Entity<UnitRow>(e =>
        {
            e.ToTable("units");
            e.HasKey(u => u.Code);
        });
        modelBuilder.Entity<CaseRow>(e =>
        {
            e.ToTable("cases");
            e.Property(c => c.Id).HasMaxLength(40);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.DossierCode).IsUnique();
            e.HasIndex(c => new { c.Status, c.NextDueAt });
            e.HasIndex(c => new { c.ReceivingUnit, c.ProcedureCode, c.ReceivedAt });
            e.HasIndex(c => c.FinishedAt);
        });
        modelBuilder.Entity<TaskRow>(e =>
        {
            e.ToTable("tasks");
            e.HasIndex(t => new { t.CaseId, t.TaskId }).IsUnique();
            e.HasIndex(t => new { t.Unit, t.Status, t.Due });
        });
        modelBuilder.Entity<EventRow>(e =>
        {
            e.ToTable("events");
            e.HasIndex(v => new { v.CaseId, v.Sequence }).IsUnique();
            e.Property(v => v.Hash).HasMaxLength(64);
            e.Property(v => v.PreviousHash).HasMaxLength(64);
        });
        modelBuilder.Entity<DocumentRow>(e =>
        {
            e.ToTable("documents");
            e.HasIndex(d => new { d.CaseId, d.EventSequence, d.Document }).IsUnique();
        });
        modelBuilder.Entity<DossierSequenceRow>(e =>
        {
            e.ToTable("dossier_sequences");
            e.HasKey(s => new { s.Unit, s.Day });
        });
        modelBuilder.Entity<EscalationClaimRow>(e =>
        {
            e.ToTable("escalation_claims");
            e.HasKey(c => new { c.CaseId, c.Key });
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(Snake(property.Name));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join("_", index.Properties.Select(p => Snake(p.Name)))}");
            }
        }
    }

    private static string Snake(string name) => Names.Kebab(name).Replace('-', '_');
}
