namespace Dashboard.Web.Features.Access.Admin;

/// <summary>
/// A kiosk link and a path a screen opens (<c>/kiosk/{token}</c>); every issued path names the same revocable row.
/// <see cref="ShortPath"/> (<c>/k/7KQ2-MX9D</c>, for typing on a TV) is there only when the link is created: only its hash is stored.
/// </summary>
public sealed record IssuedKioskLink(KioskLinkView Link, string Path, string? ShortPath);
