namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// Who asks for something, and in which roles. Today the REST API takes the name from the request
/// body and no roles; issue 5 builds it from the signed-in identity instead.
/// </summary>
public sealed record Actor(string Name, IReadOnlyList<string> Roles)
{
    /// <summary>An actor named in a request, without roles (until sign-in exists).</summary>
    public static Actor Named(string? name) => new(name?.Trim() ?? string.Empty, []);
}
