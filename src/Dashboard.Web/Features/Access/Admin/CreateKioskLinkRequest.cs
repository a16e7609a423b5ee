namespace Dashboard.Web.Features.Access.Admin;

/// <summary>A kiosk link to create: a name unique among live links, and an optional expiry.</summary>
public sealed record CreateKioskLinkRequest(string? Name, DateTimeOffset? ExpiresAt);
