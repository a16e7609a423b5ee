namespace Dashboard.Web.Features.Access;

/// <summary>Authentication scheme names and the session cookie's name.</summary>
public static class AccessSchemes
{
    /// <summary>The default: forwards to <see cref="ApiKey"/> for <c>Authorization: Bearer</c>, else to <see cref="Cookie"/>.</summary>
    public const string Default = "warroom";

    /// <summary>People and kiosk screens.</summary>
    public const string Cookie = "warroom-cookie";

    public const string ApiKey = "warroom-api-key";

    public const string Oidc = "warroom-oidc";

    public const string CookieName = "warroom.session";
}
