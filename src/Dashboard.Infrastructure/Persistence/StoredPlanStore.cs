using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>Custom plans saved through the API. The caller validates the JSON before it gets here.</summary>
public sealed class StoredPlanStore(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog)
{
    /// <exception cref="DuplicatePlanException">A plan with the same id is already stored.</exception>
    public async Task<StoredPlanRecord> CreateAsync(StoredPlanRecord plan, AuditEventDraft audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        try
        {
            return await unitOfWork.RunAsync(
                async db =>
                {
                    if (await db.StoredPlans.AnyAsync(p => p.Id == plan.Id, cancellationToken))
                    {
                        throw new DuplicatePlanException(plan.Id);
                    }

                    db.StoredPlans.Add(plan);
                    await auditLog.AppendAsync(db, audit, cancellationToken);
                    return plan;
                },
                cancellationToken);
        }
        catch (DbUpdateException ex) when (ConstraintViolation.IsUniqueViolation(ex))
        {
            // A constraint violation the check above could not see (another writer without the write lock).
            throw new DuplicatePlanException(plan.Id, ex);
        }
    }

    public async Task<StoredPlanRecord?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.StoredPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    /// <summary>All stored plans by id.</summary>
    public async Task<IReadOnlyList<StoredPlanRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.StoredPlans.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Replaces a stored plan's name and JSON; returns false when there is no such plan.</summary>
    public Task<bool> ReplaceAsync(string id, string name, string json, AuditEventDraft audit, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(
            async db =>
            {
                var plan = await db.StoredPlans.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
                if (plan is null)
                {
                    return false;
                }

                plan.Name = name;
                plan.Json = json;
                await auditLog.AppendAsync(db, audit, cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>Deletes a stored plan; returns false when there is no such plan. Running rollouts keep their own copy.</summary>
    public Task<bool> DeleteAsync(string id, AuditEventDraft audit, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(
            async db =>
            {
                var deleted = await db.StoredPlans.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
                if (deleted == 0)
                {
                    return false;
                }

                await auditLog.AppendAsync(db, audit, cancellationToken);
                return true;
            },
            cancellationToken);
}
