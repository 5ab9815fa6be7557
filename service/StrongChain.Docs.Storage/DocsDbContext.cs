using Microsoft.EntityFrameworkCore;
using StrongChain.Docs.Storage.Entities;

namespace StrongChain.Docs.Storage;

/// <summary>
/// The service's store. Provider-specific subclasses (<see cref="SqliteDocsDbContext"/>, <see cref="PostgresDocsDbContext"/>)
/// exist only so each provider keeps its own migrations; code depends on this class.
/// </summary>
public abstract class DocsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<StoredRound> Rounds => Set<StoredRound>();

    public DbSet<StoredDemand> Demands => Set<StoredDemand>();

    public DbSet<StoredApplication> Applications => Set<StoredApplication>();

    public DbSet<StoredApplicationVersion> ApplicationVersions => Set<StoredApplicationVersion>();

    public DbSet<ReceiptCounter> ReceiptCounters => Set<ReceiptCounter>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<StoredBulletin> Bulletins => Set<StoredBulletin>();

    public DbSet<StoredAgreement> Agreements => Set<StoredAgreement>();

    public DbSet<StoredAgreementVersion> AgreementVersions => Set<StoredAgreementVersion>();

    public DbSet<StoredOutboxItem> OutboxItems => Set<StoredOutboxItem>();

    public DbSet<StoredPanelMember> PanelMembers => Set<StoredPanelMember>();

    public DbSet<StoredInvitation> Invitations => Set<StoredInvitation>();

    public DbSet<StoredScore> Scores => Set<StoredScore>();

    public DbSet<StoredScoringSettings> ScoringSettings => Set<StoredScoringSettings>();
    public DbSet<StoredConsortium> Consortia => Set<StoredConsortium>();

    public DbSet<StoredRoundTargets> RoundTargets => Set<StoredRoundTargets>();

    public DbSet<StoredProgressReport> ProgressReports => Set<StoredProgressReport>();

    public DbSet<StoredProgressReportVersion> ProgressReportVersions => Set<StoredProgressReportVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<StoredRound>(e =>
        {
            e.ToTable("Rounds");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasMaxLength(64);
            e.Property(r => r.SupportRatio).HasPrecision(9, 4);
        });

        modelBuilder.Entity<StoredDemand>(e =>
        {
            e.ToTable("Demands");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasMaxLength(64);
            e.Property(d => d.RoundId).HasMaxLength(64);
            e.HasIndex(d => new { d.RoundId, d.Position });
            e.HasOne<StoredRound>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StoredApplication>(e =>
        {
            e.ToTable("Applications");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).HasMaxLength(64);
            e.Property(a => a.DemandId).HasMaxLength(64);
            e.Property(a => a.RoundId).HasMaxLength(64);
            e.Property(a => a.CreditCode).HasMaxLength(32);
            e.Property(a => a.Status).HasMaxLength(32);
            // One application per demand and organisation: resubmitting adds versions to it.
            e.HasIndex(a => new { a.DemandId, a.CreditCode }).IsUnique();
            e.HasIndex(a => a.RoundId);
            e.HasOne<StoredDemand>().WithMany().HasForeignKey(a => a.DemandId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StoredApplicationVersion>(e =>
        {
            e.ToTable("ApplicationVersions");
            e.HasKey(v => new { v.ApplicationId, v.Version });
            e.Property(v => v.ReceiptNo).HasMaxLength(96);
            e.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength();
            e.HasIndex(v => v.ReceiptNo).IsUnique();
            e.HasOne<StoredApplication>().WithMany().HasForeignKey(v => v.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ReceiptCounter>(e =>
        {
            e.ToTable("ReceiptCounters");
            e.HasKey(c => c.DemandId);
            e.Property(c => c.DemandId).HasMaxLength(64);
        });

        modelBuilder.Entity<StoredBulletin>(e =>
        {
            e.ToTable("Bulletins");
            e.HasKey(b => b.Id);
            e.Property(b => b.Id).HasMaxLength(64);
            e.Property(b => b.RoundId).HasMaxLength(64);
            e.Property(b => b.DocumentNumber).HasMaxLength(64);
            e.Property(b => b.Sha256).HasMaxLength(64).IsFixedLength();
            e.HasIndex(b => b.RoundId);
            e.HasOne<StoredRound>().WithMany().HasForeignKey(b => b.RoundId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StoredAgreement>(e =>
        {
            e.ToTable("Agreements");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).HasMaxLength(96);
            e.Property(a => a.ApplicationId).HasMaxLength(64);
            e.Property(a => a.RoundId).HasMaxLength(64);
            e.Property(a => a.DemandId).HasMaxLength(64);
            e.Property(a => a.CreditCode).HasMaxLength(32);
            // One agreement per application: regenerating adds versions to it.
            e.HasIndex(a => a.ApplicationId).IsUnique();
            e.HasIndex(a => a.RoundId);
            e.HasOne<StoredApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StoredAgreementVersion>(e =>
        {
            e.ToTable("AgreementVersions");
            e.HasKey(v => new { v.AgreementId, v.Version });
            e.Property(v => v.DocxSha256).HasMaxLength(64).IsFixedLength();
            e.Property(v => v.PdfSha256).HasMaxLength(64).IsFixedLength();
            e.HasOne<StoredAgreement>().WithMany().HasForeignKey(v => v.AgreementId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StoredOutboxItem>(e =>
        {
            e.ToTable("OutboxItems");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).HasMaxLength(64);
            e.Property(i => i.Kind).HasMaxLength(32);
            e.Property(i => i.EntityId).HasMaxLength(64);
            e.Property(i => i.Target).HasMaxLength(512);
            e.Property(i => i.Status).HasMaxLength(16);
            e.Property(i => i.ClaimedBy).HasMaxLength(128);
            e.Property(i => i.LastError).HasMaxLength(2000);
            // The worker's question: what is pending and due, earliest first.
            e.HasIndex(i => new { i.Status, i.DueAt });
            e.HasIndex(i => new { i.EntityId, i.Version });
        });

        // Review (issue 15): panels and invitations, both keyed by demand.
        modelBuilder.Entity<StoredPanelMember>(e =>
        {
            e.ToTable("PanelMembers");
            e.HasKey(m => m.Id);
            e.Property(m => m.DemandId).HasMaxLength(64);
            e.Property(m => m.ExpertId).HasMaxLength(128);
            e.Property(m => m.OrganisationCreditCode).HasMaxLength(32);
            e.HasIndex(m => new { m.DemandId, m.ExpertId }).IsUnique();
            e.HasIndex(m => m.ExpertId);
            e.HasOne<StoredDemand>().WithMany().HasForeignKey(m => m.DemandId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StoredInvitation>(e =>
        {
            e.ToTable("Invitations");
            e.HasKey(i => i.DemandId);
            e.Property(i => i.DemandId).HasMaxLength(64);
            e.HasOne<StoredDemand>().WithMany().HasForeignKey(i => i.DemandId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StoredScore>(e =>
        {
            e.ToTable("Scores");
            e.HasKey(x => new { x.DemandId, x.ExpertId, x.ApplicationId, x.CriterionKey });
            e.Property(x => x.DemandId).HasMaxLength(64);
            e.Property(x => x.ExpertId).HasMaxLength(128);
            e.Property(x => x.ApplicationId).HasMaxLength(64);
            e.Property(x => x.CriterionKey).HasMaxLength(64);
            e.Property(x => x.Value).HasPrecision(5, 2);
            e.HasOne<StoredApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StoredScoringSettings>(e =>
        {
            e.ToTable("ScoringSettings");
            e.HasKey(x => x.RoundId);
            e.Property(x => x.RoundId).HasMaxLength(64);
            e.HasOne<StoredRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        });

        // Consortia and round targets (issue 12).
        modelBuilder.Entity<StoredConsortium>(e =>
        {
            e.ToTable("Consortia");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(96);
            e.Property(c => c.AgreementId).HasMaxLength(96);
            e.Property(c => c.ApplicationId).HasMaxLength(64);
            e.Property(c => c.RoundId).HasMaxLength(64);
            e.Property(c => c.DemandId).HasMaxLength(64);
            e.Property(c => c.LeadCreditCode).HasMaxLength(32);
            e.Property(c => c.SignedSha256).HasMaxLength(64).IsFixedLength();
            foreach (var amount in new[] { "AgreedBudget", "IssuerFunds", "ApplicantFunds", "JointInvestment", "RequestedSupport", "SupportAmount" })
            {
                e.Property(amount).HasPrecision(18, 2);
            }

            e.Property(c => c.SupportRatio).HasPrecision(9, 4);
            // One consortium per agreement: a second countersigned upload is refused, not a second consortium.
            e.HasIndex(c => c.AgreementId).IsUnique();
            e.HasIndex(c => c.RoundId);
            e.HasOne<StoredAgreement>().WithMany().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Restrict);
        });

        // The dashboard's counts read Complete and Eligible of latest versions from this index, never from the rows, whose
        // document bytes and JSON stand before those columns (SQLite would read the blobs' overflow pages to reach them).
        modelBuilder.Entity<StoredApplicationVersion>()
            .HasIndex(v => new { v.ApplicationId, v.Version, v.Complete, v.Eligible })
            .HasDatabaseName("IX_ApplicationVersions_Dashboard");

        modelBuilder.Entity<StoredRoundTargets>(e =>
        {
            e.ToTable("RoundTargets");
            e.HasKey(t => t.RoundId);
            e.Property(t => t.RoundId).HasMaxLength(64);
            e.Property(t => t.SupportBudget).HasPrecision(18, 2);
            e.HasOne<StoredRound>().WithMany().HasForeignKey(t => t.RoundId).OnDelete(DeleteBehavior.Restrict);
        });

        // Progress reports (issue 12): one row per consortium milestone, every upload a version kept byte for byte.
        modelBuilder.Entity<StoredProgressReport>(e =>
        {
            e.ToTable("ProgressReports");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasMaxLength(112);
            e.Property(r => r.ConsortiumId).HasMaxLength(96);
            e.Property(r => r.RoundId).HasMaxLength(64);
            e.HasIndex(r => new { r.ConsortiumId, r.MilestoneNumber }).IsUnique();
            e.HasIndex(r => new { r.RoundId, r.ConsortiumId, r.MilestoneNumber, r.AchievedOn });
            e.HasOne<StoredConsortium>().WithMany().HasForeignKey(r => r.ConsortiumId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StoredProgressReportVersion>(e =>
        {
            e.ToTable("ProgressReportVersions");
            e.HasKey(v => new { v.ReportId, v.Version });
            e.Property(v => v.ReportId).HasMaxLength(112);
            e.Property(v => v.ReceiptNo).HasMaxLength(128);
            e.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength();
            e.Property(v => v.Status).HasMaxLength(32);
            e.HasIndex(v => v.ReceiptNo).IsUnique();
            e.HasOne<StoredProgressReport>().WithMany().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasKey(a => a.Id);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Entity).HasMaxLength(64);
            e.HasIndex(a => new { a.Entity, a.EntityId });
        });
    }
}

/// <summary>The SQLite flavour (default: one embedded file); its migrations live in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteDocsDbContext(DbContextOptions<SqliteDocsDbContext> options) : DocsDbContext(options);

/// <summary>The PostgreSQL flavour; its migrations live in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresDocsDbContext(DbContextOptions<PostgresDocsDbContext> options) : DocsDbContext(options);
