using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.Monitoring;
using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Persists health checks, with their audit event when there is one in the same transaction, and
/// lists them newest first. Deleting is only for retention of intensive checks.
/// </summary>
public sealed class HealthCheckStore(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog)
{
    /// <summary>How the metrics are stored: camelCase, enums as names.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Stores <paramref name="record"/> and, when given, <paramref name="audit"/> — both or neither.</summary>
    public Task AddAsync(HealthCheckRecord record, AuditEventDraft? audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return unitOfWork.RunAsync(
            async db =>
            {
                db.HealthChecks.Add(record);
                if (audit is not null)
                {
                    await auditLog.AppendAsync(db, audit, cancellationToken);
                }

                return record;
            },
            cancellationToken);
    }

    /// <summary>The newest check of <paramref name="cadence"/>, of one rollout or (null) of any.</summary>
    public async Task<HealthCheckRecord?> LatestAsync(MonitoringCadence cadence, Guid? rolloutId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var name = cadence.ToString();
        var checks = db.HealthChecks.AsNoTracking().Where(h => h.Cadence == name);
        if (rolloutId is { } id)
        {
            checks = checks.Where(h => h.RolloutId == id);
        }

        return await checks.OrderByDescending(h => h.RanAt).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<HealthCheckRecord>> ListAsync(HealthCheckQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var checks = Matching(db, query);
        if (query.After is { RanAt: var ranAt, Id: var id })
        {
            checks = checks.Where(h => h.RanAt < ranAt || (h.RanAt == ranAt && h.Id.CompareTo(id) < 0));
        }

        return await checks.OrderByDescending(h => h.RanAt).ThenByDescending(h => h.Id)
            .Skip(query.Skip).Take(Math.Clamp(query.Limit, 1, HealthCheckQuery.MaxLimit)).ToListAsync(cancellationToken);
    }

    /// <summary>How many checks match <paramref name="query"/>'s filters (its limit and skip aside): what page controls count.</summary>
    public async Task<int> CountAsync(HealthCheckQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Matching(db, query).CountAsync(cancellationToken);
    }

    private static IQueryable<HealthCheckRecord> Matching(WarRoomDbContext db, HealthCheckQuery query)
    {
        var checks = db.HealthChecks.AsNoTracking();
        if (query.Cadence is { } cadence)
        {
            var name = cadence.ToString();
            checks = checks.Where(h => h.Cadence == name);
        }

        if (query.RolloutId is { } id)
        {
            checks = checks.Where(h => h.RolloutId == id);
        }

        if (query.Verdict is { } verdict)
        {
            var name = verdict.ToString();
            checks = checks.Where(h => h.OverallVerdict == name);
        }

        return checks;
    }

    /// <summary>Deletes the checks of <paramref name="cadence"/> that ran before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> DeleteOlderThanAsync(MonitoringCadence cadence, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var name = cadence.ToString();
        return await db.HealthChecks.Where(h => h.Cadence == name && h.RanAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    public static string WriteMetrics(IReadOnlyList<HealthCheckMetric> metrics) => JsonSerializer.Serialize(metrics, Json);

    public static IReadOnlyList<HealthCheckMetric> ReadMetrics(HealthCheckRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Deserialize<List<HealthCheckMetric>>(record.MetricsJson, Json) ?? [];
    }
}
