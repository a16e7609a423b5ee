using Dashboard.Infrastructure.Persistence.Access;

namespace Dashboard.Web.Features.Access.Admin;

/// <summary>
/// A person as the admin page and API show them: never the password hash or security stamp.
/// <see cref="Roles"/> are the granted roles (Viewer is implied); <see cref="SignInMethods"/> holds
/// <c>password</c> and/or <c>sso</c>.
/// </summary>
public sealed record PersonView(
    Guid Id,
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool Disabled,
    DateTimeOffset? LockedUntil,
    DateTimeOffset? LastSignInAt,
    IReadOnlyList<string> SignInMethods,
    DateTimeOffset CreatedAt,
    string CreatedBy)
{
    public const string Password = "password";
    public const string SingleSignOn = "sso";

    /// <summary>The view of <paramref name="person"/>; <see cref="LockedUntil"/> only while the lockout lasts.</summary>
    public static PersonView From(PersonRecord person, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(person);
        var methods = new List<string>();
        if (person.PasswordHash is not null)
        {
            methods.Add(Password);
        }

        if (person.ExternalId is not null)
        {
            methods.Add(SingleSignOn);
        }

        return new(
            person.Id, person.UserName, person.DisplayName, RoleNames(person.Roles), person.Disabled,
            person.LockedUntil > now ? person.LockedUntil : null, person.LastSignInAt, methods, person.CreatedAt, person.CreatedBy);
    }

    /// <summary>The role names of a stored comma list, in the order people see them.</summary>
    internal static IReadOnlyList<string> RoleNames(string stored) =>
        [.. WarRoomRoles.ParseList(stored).Order().Select(role => role.ToString())];
}
