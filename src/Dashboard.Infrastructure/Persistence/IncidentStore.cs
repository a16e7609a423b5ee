using Dashboard.Core.Incidents;
using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Incidents and their timelines. Every change is one transaction with its audit event
/// (<c>incident.opened</c>, <c>incident.updated</c>, <c>incident.resolved</c>), so an incident the
/// checkpoints count is always one the audit log explains.
/// </summary>
public sealed class IncidentStore(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog, TimeProvider timeProvider)
{
    /// <summary>Stores a new incident with its "opened" entry; the caller has checked the rollout exists.</summary>
    public Task<IncidentRecord> OpenAsync(
        Guid rolloutId, int phaseIndex, IncidentSeverity severity, string title, string description, string owner, bool dataLoss, string by,
        CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var incident = new IncidentRecord
        {
            Id = Guid.NewGuid(),
            RolloutId = rolloutId,
            PhaseIndex = phaseIndex,
            Severity = severity.ToString(),
            Title = title,
            Description = description,
            Owner = owner,
            DataLoss = dataLoss,
            OpenedAt = now,
            OpenedBy = by,
        };
        incident.Updates.Add(Entry(incident, now, by, "opened", description));
        return unitOfWork.RunAsync(
            async db =>
            {
                db.Incidents.Add(incident);
                await auditLog.AppendAsync(db, Audit("incident.opened", incident, by, description), cancellationToken);
                return incident;
            },
            cancellationToken);
    }

    /// <summary>Adds a timeline entry, optionally changing severity or owner, and resolves the incident when <paramref name="resolve"/>.</summary>
    public Task<IncidentChange> AppendAsync(Guid incidentId, IncidentUpdateDraft update, bool resolve, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return unitOfWork.RunAsync(
            async db =>
            {
                var incident = await db.Incidents.Include(i => i.Updates).SingleOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
                if (incident is null)
                {
                    return IncidentChange.Refused(IncidentChangeRefusal.NotFound);
                }

                if (incident.ResolvedAt is not null)
                {
                    return IncidentChange.Refused(IncidentChangeRefusal.AlreadyResolved);
                }

                var now = timeProvider.GetUtcNow();
                incident.Severity = (update.Severity ?? Enum.Parse<IncidentSeverity>(incident.Severity)).ToString();
                incident.Owner = update.Owner ?? incident.Owner;
                incident.Version++;
                if (resolve)
                {
                    incident.ResolvedAt = now;
                    incident.ResolvedBy = update.By;
                }

                var kind = resolve ? "resolved" : "updated";
                var entry = Entry(incident, now, update.By, kind, update.Text);
                db.IncidentUpdates.Add(entry);
                incident.Updates.Add(entry);
                await auditLog.AppendAsync(db, Audit($"incident.{kind}", incident, update.By, update.Text), cancellationToken);
                return IncidentChange.Done(incident);
            },
            cancellationToken);
    }

    public async Task<IncidentRecord?> FindAsync(Guid incidentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var incident = await db.Incidents.AsNoTracking().Include(i => i.Updates).SingleOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        return incident is null ? null : WithTimelineInOrder(incident);
    }

    /// <summary>The rollout's incidents, newest first, each with its timeline oldest first.</summary>
    public async Task<IReadOnlyList<IncidentRecord>> ListAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Include(i => i.Updates).Where(i => i.RolloutId == rolloutId).ToListAsync(cancellationToken);
        return [.. incidents.Select(WithTimelineInOrder).OrderByDescending(i => i.OpenedAt)];
    }

    /// <summary>Every open incident of any rollout, most severe first, then oldest first.</summary>
    public async Task<IReadOnlyList<IncidentRecord>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.Incidents.AsNoTracking().Include(i => i.Updates).Where(i => i.ResolvedAt == null).ToListAsync(cancellationToken);
        return [.. open.Select(WithTimelineInOrder).OrderByDescending(i => Enum.Parse<IncidentSeverity>(i.Severity)).ThenBy(i => i.OpenedAt)];
    }

    /// <summary>When each of the rollout's incidents was open, for the checkpoint criteria.</summary>
    public async Task<IReadOnlyList<IncidentSpan>> SpansAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Incidents.AsNoTracking()
            .Where(i => i.RolloutId == rolloutId)
            .Select(i => new { i.Severity, i.DataLoss, i.OpenedAt, i.ResolvedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new IncidentSpan(Enum.Parse<IncidentSeverity>(r.Severity), r.DataLoss, r.OpenedAt, r.ResolvedAt))];
    }

    /// <summary>EF loads the timeline in no particular order; every reader gets it oldest first.</summary>
    private static IncidentRecord WithTimelineInOrder(IncidentRecord incident)
    {
        incident.Updates.Sort((a, b) => a.At.CompareTo(b.At));
        return incident;
    }

    private static IncidentUpdateRecord Entry(IncidentRecord incident, DateTimeOffset at, string by, string kind, string text) => new()
    {
        Id = Guid.NewGuid(),
        IncidentId = incident.Id,
        At = at,
        By = by,
        Kind = kind,
        Text = text,
        Severity = incident.Severity,
        Owner = incident.Owner,
    };

    private static AuditEventDraft Audit(string kind, IncidentRecord incident, string by, string text) =>
        AuditEventDraft.For(by, kind, incident.RolloutId, new
        {
            incidentId = incident.Id,
            phaseIndex = incident.PhaseIndex,
            severity = incident.Severity,
            title = incident.Title,
            owner = incident.Owner,
            dataLoss = incident.DataLoss,
            text,
        });
}
