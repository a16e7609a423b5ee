namespace Dashboard.Web.Features.Access;

/// <summary>
/// Who asks for something, and in which roles. Built by the server from the signed-in identity
/// (<see cref="ActorResolver"/>) or by the app for its own automation; never from a request body.
/// <see cref="Name"/> is what the audit log records: a person's user name, <c>api key 'ci'</c>,
/// <c>kiosk 'tv-1'</c> or <c>automation (…)</c>.
/// </summary>
public sealed record Actor(string Name, ActorKind Kind, IReadOnlySet<WarRoomRole> Roles)
{
    private static readonly IReadOnlySet<WarRoomRole> NoRoles = new HashSet<WarRoomRole>();

    /// <summary>Nobody: refused everything.</summary>
    public static Actor Anonymous { get; } = new("anonymous", ActorKind.Anonymous, NoRoles);

    /// <summary>The app acting by itself, e.g. <c>automation (checkpoints)</c>.</summary>
    public static Actor Automation(string name) => new(name, ActorKind.Automation, NoRoles);

    public static Actor Person(string userName, IEnumerable<WarRoomRole> roles) =>
        new(userName, ActorKind.Person, roles.ToHashSet());

    public static Actor ApiKey(string keyName, IEnumerable<WarRoomRole> roles) =>
        new($"api key '{keyName}'", ActorKind.ApiKey, roles.ToHashSet());

    public static Actor Kiosk(string linkName) => new($"kiosk '{linkName}'", ActorKind.Kiosk, NoRoles);

    public bool Holds(WarRoomRole role) => Roles.Contains(role);
}
