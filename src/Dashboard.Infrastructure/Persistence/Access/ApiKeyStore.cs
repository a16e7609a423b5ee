using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence.Access;

/// <summary>API keys: created and revoked with their audit events; looked up by their public prefix.</summary>
public sealed class ApiKeyStore(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog, TimeProvider timeProvider)
{
    public Task<ApiKeyRecord> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return unitOfWork.RunAsync(
            async db =>
            {
                db.ApiKeys.Add(key);
                await auditLog.AppendAsync(db, AuditEventDraft.For(key.CreatedBy, "apiKey.created", null, new
                {
                    apiKeyId = key.Id,
                    name = key.Name,
                    prefix = key.Prefix,
                    roles = key.Roles,
                    expiresAt = key.ExpiresAt,
                }), cancellationToken);
                return key;
            },
            cancellationToken);
    }

    /// <summary>Revokes the key (<c>apiKey.revoked</c>); null when there is no such key, unchanged when already revoked.</summary>
    public Task<ApiKeyRecord?> RevokeAsync(Guid id, string by, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<ApiKeyRecord?>(
            async db =>
            {
                var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
                if (key is null || key.RevokedAt is not null)
                {
                    return key;
                }

                key.RevokedAt = timeProvider.GetUtcNow();
                key.RevokedBy = by;
                await auditLog.AppendAsync(db, AuditEventDraft.For(by, "apiKey.revoked", null, new { apiKeyId = key.Id, name = key.Name, prefix = key.Prefix }), cancellationToken);
                return key;
            },
            cancellationToken);

    public async Task<ApiKeyRecord?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
    }

    public async Task<ApiKeyRecord?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
    }

    /// <summary>Every key, newest first.</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return [.. keys.OrderByDescending(k => k.CreatedAt)];
    }

    /// <summary>Notes when the key was last used, at most once a minute per key (no audit event: reads are not changes).</summary>
    public async Task TouchAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var before = now - TimeSpan.FromMinutes(1);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.Where(k => k.Id == id).ToListAsync(cancellationToken);
        foreach (var key in keys.Where(k => k.LastUsedAt is null || k.LastUsedAt < before))
        {
            key.LastUsedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
