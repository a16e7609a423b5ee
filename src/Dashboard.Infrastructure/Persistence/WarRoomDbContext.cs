using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Infrastructure.Persistence.Shifts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// The state store's EF Core context. Create one per unit of work from
/// <see cref="IDbContextFactory{TContext}"/>; the factory pools instances. Not sealed only for
/// <see cref="PostgreSql.PostgreSqlWarRoomDbContext"/>, which names PostgreSQL's own migrations.
/// </summary>
public class WarRoomDbContext(DbContextOptions<WarRoomDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<RolloutRecord> Rollouts => Set<RolloutRecord>();

    public DbSet<PhaseRunRecord> PhaseRuns => Set<PhaseRunRecord>();

    public DbSet<TrafficChangeRecord> TrafficChanges => Set<TrafficChangeRecord>();

    public DbSet<StoredPlanRecord> StoredPlans => Set<StoredPlanRecord>();

    public DbSet<AuditEventRecord> AuditEvents => Set<AuditEventRecord>();

    public DbSet<CheckpointVerdictRecord> CheckpointVerdicts => Set<CheckpointVerdictRecord>();

    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();

    public DbSet<IncidentUpdateRecord> IncidentUpdates => Set<IncidentUpdateRecord>();
    public DbSet<HealthCheckRecord> HealthChecks => Set<HealthCheckRecord>();
    public DbSet<CheckpointDecisionRecord> CheckpointDecisions => Set<CheckpointDecisionRecord>();
    public DbSet<SignOffRecord> SignOffs => Set<SignOffRecord>();
    public DbSet<ChecklistTickRecord> ChecklistTicks => Set<ChecklistTickRecord>();
    public DbSet<ExecutiveSummaryRecord> ExecutiveSummaries => Set<ExecutiveSummaryRecord>();
    public DbSet<IntervalSumRecord> IntervalSums => Set<IntervalSumRecord>();
    public DbSet<GuardrailMemoryRecord> GuardrailMemories => Set<GuardrailMemoryRecord>();
    public DbSet<RouterAlertRecord> RouterAlerts => Set<RouterAlertRecord>();

    public DbSet<PersonRecord> People => Set<PersonRecord>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<KioskLinkRecord> KioskLinks => Set<KioskLinkRecord>();

    public DbSet<RosterAssignmentRecord> RosterAssignments => Set<RosterAssignmentRecord>();

    public DbSet<ShiftHandoffRecord> ShiftHandoffs => Set<ShiftHandoffRecord>();

    /// <summary>ASP.NET Core Data Protection's key ring (cookies, kiosk tokens), shared by every instance on this store.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AdvanceVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AdvanceVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WarRoomDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite cannot order or compare DateTimeOffset; PostgreSQL's timestamptz can, so it keeps the native type
        // and is only handed UTC.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTimestampConverter>().HaveMaxLength(28);
        }
        else if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<PostgreSql.UtcInstantConverter>();
        }
    }

    /// <summary>
    /// A changed rollout whose version the writer did not set gets the next one. EF keeps the loaded
    /// version as the original value and updates only where the row still has it, which turns a stale
    /// write into a concurrency failure.
    /// </summary>
    private void AdvanceVersions()
    {
        foreach (var entry in ChangeTracker.Entries<RolloutRecord>())
        {
            var changed = entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && HasChangedPhases(entry.Entity));
            if (changed && !entry.Property(r => r.Version).IsModified)
            {
                var version = entry.Property(r => r.Version);
                version.CurrentValue = version.OriginalValue + 1;
                version.IsModified = true;
            }
        }
    }

    private bool HasChangedPhases(RolloutRecord rollout) =>
        rollout.Phases.Exists(p => Entry(p).State is EntityState.Modified or EntityState.Added or EntityState.Deleted);
}
