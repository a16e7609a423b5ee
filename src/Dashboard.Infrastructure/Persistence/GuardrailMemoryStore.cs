using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Keeps the guardrails' memory between polls: one <see cref="GuardrailMemoryRecord"/> per watched rollout (read
/// whole at every poll, written when it changes) and one <see cref="RouterAlertRecord"/> per open router alert. The
/// poll loop writes the first, the router retry the second; across instances only the lease holder writes.
/// </summary>
public sealed class GuardrailMemoryStore(IDbContextFactory<WarRoomDbContext> contextFactory)
{
    public async Task<IReadOnlyList<GuardrailMemoryRecord>> LoadMemoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.GuardrailMemories.AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>Replaces the rollout's memory, creating it when there is none.</summary>
    public async Task SaveMemoryAsync(Guid rolloutId, string stateJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateJson);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.GuardrailMemories.SingleOrDefaultAsync(r => r.RolloutId == rolloutId, cancellationToken);
        if (record is null)
        {
            db.GuardrailMemories.Add(new GuardrailMemoryRecord { RolloutId = rolloutId, StateJson = stateJson });
        }
        else
        {
            record.StateJson = stateJson;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Forgets rollouts that are no longer watched.</summary>
    public async Task DeleteMemoriesAsync(IReadOnlyCollection<Guid> rolloutIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rolloutIds);
        if (rolloutIds.Count > 0)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await db.GuardrailMemories.Where(record => rolloutIds.Contains(record.RolloutId)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<RouterAlertRecord>> LoadRouterAlertsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.RouterAlerts.AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>Records the rollout's router alert as it stands now, replacing the one kept before.</summary>
    public async Task SaveRouterAlertAsync(RouterAlertRecord alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.RouterAlerts.SingleOrDefaultAsync(r => r.RolloutId == alert.RolloutId, cancellationToken);
        if (record is null)
        {
            db.RouterAlerts.Add(alert);
        }
        else
        {
            db.Entry(record).CurrentValues.SetValues(alert);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The rollout's router alert is settled: nobody resumes it any more.</summary>
    public async Task DeleteRouterAlertAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.RouterAlerts.Where(record => record.RolloutId == rolloutId).ExecuteDeleteAsync(cancellationToken);
    }
}
