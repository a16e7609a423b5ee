using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence.Access;

/// <summary>Kiosk links: created and revoked with their audit events.</summary>
public sealed class KioskLinkStore(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog, TimeProvider timeProvider)
{
    public Task<KioskLinkRecord> CreateAsync(KioskLinkRecord link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        return unitOfWork.RunAsync(
            async db =>
            {
                db.KioskLinks.Add(link);
                await auditLog.AppendAsync(db, AuditEventDraft.For(link.CreatedBy, "kioskLink.created", null, new
                {
                    kioskLinkId = link.Id,
                    name = link.Name,
                    expiresAt = link.ExpiresAt,
                }), cancellationToken);
                return link;
            },
            cancellationToken);
    }

    /// <summary>Revokes the link (<c>kioskLink.revoked</c>); null when there is no such link, unchanged when already revoked.</summary>
    public Task<KioskLinkRecord?> RevokeAsync(Guid id, string by, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<KioskLinkRecord?>(
            async db =>
            {
                var link = await db.KioskLinks.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
                if (link is null || link.RevokedAt is not null)
                {
                    return link;
                }

                link.RevokedAt = timeProvider.GetUtcNow();
                link.RevokedBy = by;
                await auditLog.AppendAsync(db, AuditEventDraft.For(by, "kioskLink.revoked", null, new { kioskLinkId = link.Id, name = link.Name }), cancellationToken);
                return link;
            },
            cancellationToken);

    /// <summary>Records that a screen opened the link (<c>kioskLink.opened</c>).</summary>
    public Task RecordOpenedAsync(Guid id, string source, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(
            async db =>
            {
                var link = await db.KioskLinks.SingleAsync(k => k.Id == id, cancellationToken);
                link.LastUsedAt = timeProvider.GetUtcNow();
                await auditLog.AppendAsync(db, AuditEventDraft.For($"kiosk '{link.Name}'", "kioskLink.opened", null, new { kioskLinkId = link.Id, source }), cancellationToken);
                return true;
            },
            cancellationToken);

    public async Task<KioskLinkRecord?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.KioskLinks.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
    }

    /// <summary>The link whose short code hashes to <paramref name="shortCodeHash"/>, live or not, or null.</summary>
    public async Task<KioskLinkRecord?> FindByShortCodeHashAsync(string shortCodeHash, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.KioskLinks.AsNoTracking().SingleOrDefaultAsync(k => k.ShortCodeHash == shortCodeHash, cancellationToken);
    }

    /// <summary>Every link, newest first.</summary>
    public async Task<IReadOnlyList<KioskLinkRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var links = await db.KioskLinks.AsNoTracking().ToListAsync(cancellationToken);
        return [.. links.OrderByDescending(k => k.CreatedAt)];
    }
}
