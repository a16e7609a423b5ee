namespace Dashboard.Web.Features.Access.Admin;

/// <summary>A kiosk link and a path a screen opens (<c>/kiosk/{token}</c>); every issued path names the same revocable row.</summary>
public sealed record IssuedKioskLink(KioskLinkView Link, string Path);
