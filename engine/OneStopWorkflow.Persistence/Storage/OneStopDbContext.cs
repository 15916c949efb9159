using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OneStopWorkflow.Engine.Json;
using OneStopWorkflow.Persistence.Accounts;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Catalog;
using OneStopWorkflow.Persistence.Codes;
using OneStopWorkflow.Persistence.Escalations;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Files;
using OneStopWorkflow.Persistence.Reception;
using OneStopWorkflow.Persistence.Scans;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Persistence.Storage;

/// <summary>
/// The one model of the store. Each provider has a sealed subclass with its own migrations; tables and columns
/// are snake_case so that the few raw SQL statements read the same on every provider.
/// </summary>
public abstract class OneStopDbContext(DbContextOptions options) : IdentityDbContext<UserRow>(options)
{
    public abstract StorageProvider Provider { get; }

    public DbSet<ProcedureVersionRow> ProcedureVersions => Set<ProcedureVersionRow>();
    public DbSet<UnitRow> Units => Set<UnitRow>();
    public DbSet<CaseRow> Cases => Set<CaseRow>();
    public DbSet<TaskRow> Tasks => Set<TaskRow>();
    public DbSet<EventRow> Events => Set<EventRow>();
    public DbSet<DocumentRow> Documents => Set<DocumentRow>();
    public DbSet<DossierSequenceRow> DossierSequences => Set<DossierSequenceRow>();
    public DbSet<TrackingBookSequenceRow> TrackingBookSequences => Set<TrackingBookSequenceRow>();
    public DbSet<EscalationClaimRow> EscalationClaims => Set<EscalationClaimRow>();
    public DbSet<MembershipRow> Memberships => Set<MembershipRow>();
    public DbSet<QueueTicketRow> QueueTickets => Set<QueueTicketRow>();
    public DbSet<RatingRow> Ratings => Set<RatingRow>();
    public DbSet<CaseFigureRow> CaseFigures => Set<CaseFigureRow>();
    public DbSet<StepFigureRow> StepFigures => Set<StepFigureRow>();
    public DbSet<ScanRow> Scans => Set<ScanRow>();
    public DbSet<Outbox.OutboxMessageRow> OutboxMessages => Set<Outbox.OutboxMessageRow>();
    public DbSet<StoredFileRow> StoredFiles => Set<StoredFileRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<UserRow>().ToTable("users");
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        builder.Entity<MembershipRow>(e =>
        {
            e.ToTable("user_memberships");
            e.HasIndex(m => new { m.UserId, m.Unit, m.Role }).IsUnique();
            e.Property(m => m.Position).HasMaxLength(200);
        });
        builder.Entity<QueueTicketRow>(e =>
        {
            e.ToTable("queue_tickets");
            e.HasIndex(t => new { t.Centre, t.Day, t.Number }).IsUnique();

            // Call-next takes the lowest waiting number of a centre's day.
            e.HasIndex(t => new { t.Centre, t.Day, t.State, t.Number });

            // The case page shows the ticket its dossier was received for.
            e.HasIndex(t => t.CaseId);
            e.Property(t => t.CaseId).HasMaxLength(40);
            e.Property(t => t.State).HasMaxLength(16);
        });
        builder.Entity<RatingRow>(e =>
        {
            e.ToTable("ratings");
            e.HasKey(r => r.CaseId);
        });
        builder.Entity<ProcedureVersionRow>(e =>
        {
            e.ToTable("procedure_versions");
            e.HasIndex(v => new { v.Code, v.Version }).IsUnique();
            e.Property(v => v.Code).HasMaxLength(100);
            e.Property(v => v.Sha256).HasMaxLength(64);

            // A draft saved after someone published the same version must fail, not overwrite the published content.
            e.Property(v => v.Status).IsConcurrencyToken();
        });
        builder.Entity<UnitRow>(e =>
        {
            e.ToTable("units");
            e.HasKey(u => u.Code);
        });
        builder.Entity<CaseRow>(e =>
        {
            e.ToTable("cases");
            e.Property(c => c.Id).HasMaxLength(40);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.DossierCode).IsUnique();
            e.HasIndex(c => new { c.Status, c.NextDueAt });
            e.HasIndex(c => new { c.ReceivingUnit, c.ProcedureCode, c.ReceivedAt });
            e.HasIndex(c => c.FinishedAt);
            e.HasIndex(c => new { c.ReceivingUnit, c.ReceivedDay });
            e.HasIndex(c => new { c.Status, c.Appointment });
            e.Property(c => c.ReceivedDay).HasMaxLength(10);
            e.Property(c => c.FinishedDay).HasMaxLength(10);
            e.Property(c => c.Timeliness).HasMaxLength(10);

            // The column that held the lookup secret holds its hash since the LookupSecretHash migration.
            e.Property(c => c.SecretHash).HasColumnName("secret");
            CaseRow.ConfigureIndicators(e);
        });
        builder.Entity<TaskRow>(e =>
        {
            e.ToTable("tasks");
            e.HasIndex(t => new { t.CaseId, t.TaskId }).IsUnique();
            e.HasIndex(t => new { t.Unit, t.Status, t.Due });
        });
        builder.Entity<EventRow>(e =>
        {
            e.ToTable("events");
            e.HasIndex(v => new { v.CaseId, v.Sequence }).IsUnique();
            e.Property(v => v.Hash).HasMaxLength(64);
            e.Property(v => v.PreviousHash).HasMaxLength(64);
        });
        builder.Entity<DocumentRow>(e =>
        {
            e.ToTable("documents");
            e.HasIndex(d => new { d.CaseId, d.EventSequence, d.Document }).IsUnique();
        });
        builder.Entity<DossierSequenceRow>(e =>
        {
            e.ToTable("dossier_sequences");
            e.HasKey(s => new { s.Unit, s.Day });
        });
        builder.Entity<TrackingBookSequenceRow>(e =>
        {
            e.ToTable("tracking_book_sequences");
            e.HasKey(s => new { s.Unit, s.Year });
            e.Property(s => s.Unit).HasMaxLength(100);
        });
        builder.Entity<EscalationClaimRow>(e =>
        {
            e.ToTable("escalation_claims");
            e.HasKey(c => new { c.CaseId, c.Key });
        });
        builder.Entity<CaseFigureRow>(e =>
        {
            e.ToTable("case_figures");
            e.HasKey(f => new { f.Unit, f.ProcedureCode, f.Day });
            e.Property(f => f.Unit).HasMaxLength(100);
            e.Property(f => f.ProcedureCode).HasMaxLength(100);
            e.Property(f => f.Day).HasMaxLength(10);
            e.HasIndex(f => new { f.Day, f.Unit });
        });
        builder.Entity<ScanRow>(e =>
        {
            e.ToTable("scans");
            e.Property(r => r.Id).HasMaxLength(32);
            e.Property(r => r.CaseId).HasMaxLength(40);
            e.Property(r => r.Component).HasMaxLength(100);
            e.Property(r => r.FileName).HasMaxLength(255);
            e.Property(r => r.MediaType).HasMaxLength(40);
            e.Property(r => r.Sha256).HasMaxLength(64);
            e.HasIndex(r => r.CaseId);
        });
        builder.Entity<StepFigureRow>(e =>
        {
            e.ToTable("step_figures");
            e.HasKey(f => new { f.Unit, f.ProcedureCode, f.Day, f.Step });
            e.Property(f => f.Unit).HasMaxLength(100);
            e.Property(f => f.ProcedureCode).HasMaxLength(100);
            e.Property(f => f.Day).HasMaxLength(10);
            e.Property(f => f.Step).HasMaxLength(100);
        });
        Outbox.OutboxRows.Configure(builder);
        builder.Entity<StoredFileRow>(StoredFileRow.Configure);

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            // A column named in the configuration above keeps that name.
            foreach (var property in entity.GetProperties()
                         .Where(p => p.FindAnnotation(RelationalAnnotationNames.ColumnName) is null))
            {
                property.SetColumnName(Snake(property.Name));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(
                    $"ix_{entity.GetTableName()}_{string.Join("_", index.Properties.Select(p => Snake(p.Name)))}");
            }

            foreach (var key in entity.GetKeys().Where(k => k.IsPrimaryKey()))
            {
                key.SetName($"pk_{entity.GetTableName()}");
            }
        }
    }

    private static string Snake(string name) => Names.Kebab(name).Replace('-', '_');
}
