using Dashboard.Infrastructure.Persistence.Access;

namespace Dashboard.Web.Features.Access.Admin;

/// <summary>
/// How <see cref="AccessAdminService"/> and the admin forms read a request's fields: each problem goes into the field's
/// entry, in words beginning with the field's label, so all are reported at once and each beside its field.
/// </summary>
internal static class AccessAdminFields
{
    // The keys of a 400's problems: the request's JSON field names, so API callers and forms find them.
    public const string UserNameField = "userName";
    public const string DisplayNameField = "displayName";
    public const string PasswordField = "password";
    public const string RolesField = "roles";
    public const string NameField = "name";
    public const string ExpiresAtField = "expiresAt";

    /// <summary>The roles named in <paramref name="names"/>; Viewer is dropped (everyone signed in holds it), Admin refused unless <paramref name="allowAdmin"/>.</summary>
    public static IReadOnlySet<WarRoomRole> Roles(Dictionary<string, string[]> problems, IReadOnlyList<string>? names, bool allowAdmin)
    {
        var roles = new HashSet<WarRoomRole>();
        var wrong = new List<string>();
        foreach (var name in names ?? [])
        {
            if (!WarRoomRoles.TryParse(name, out var role))
            {
                wrong.Add($"'{name}' is not a role (known: {string.Join(", ", WarRoomRoles.All)})");
            }
            else if (role == WarRoomRole.Admin && !allowAdmin)
            {
                wrong.Add("an API key cannot hold the Admin role: only people manage access");
            }
            else if (role != WarRoomRole.Viewer)
            {
                roles.Add(role);
            }
        }

        if (wrong.Count > 0)
        {
            problems[RolesField] = [.. wrong];
        }

        return roles;
    }

    /// <summary>The trimmed name, or null with a problem when it is empty or too long.</summary>
    public static string? Name(Dictionary<string, string[]> problems, string? name)
    {
        Add(problems, NameField, ProblemWithName(name));
        return problems.ContainsKey(NameField) ? null : name!.Trim();
    }

    /// <summary>Null when <paramref name="name"/> (of a key or link) is usable.</summary>
    public static string? ProblemWithName(string? name) =>
        name?.Trim() switch
        {
            null or "" => "is required",
            { Length: > AccessLimits.NameLength } => $"is longer than {AccessLimits.NameLength} characters",
            _ => null,
        };

    /// <summary>Null when an API key may expire at <paramref name="at"/>: required, in the future, within the longest lifetime.</summary>
    public static string? ProblemWithApiKeyExpiry(DateTimeOffset? at, DateTimeOffset now, TimeSpan maxLifetime) => at switch
    {
        null => "is required: every API key expires",
        { } value when value <= now => "must be in the future",
        { } value when value > now + maxLifetime => $"must be at most {maxLifetime.TotalDays:0.##} days from now",
        _ => null,
    };

    /// <summary>Null when a kiosk link may expire at <paramref name="at"/> (none: it lasts until revoked).</summary>
    public static string? ProblemWithKioskExpiry(DateTimeOffset? at, DateTimeOffset now) =>
        at <= now ? "must be in the future (or left empty: the link lasts until revoked)" : null;

    /// <summary>Records <paramref name="problem"/> for <paramref name="field"/> when there is one, in words (<see cref="Message"/>).</summary>
    public static void Add(Dictionary<string, string[]> problems, string field, string? problem)
    {
        if (Message(field, problem) is { } message)
        {
            problems[field] = [message];
        }
    }

    /// <summary>"Display name must be 1..100 characters": the field's name as the form labels it, then the problem; null for none.</summary>
    public static string? Message(string field, string? problem) => problem is null ? null : $"{LabelOf(field)} {problem}";

    private static string LabelOf(string field) => field switch
    {
        UserNameField => "User name",
        DisplayNameField => "Display name",
        PasswordField => "Password",
        NameField => "Name",
        ExpiresAtField => "Expiry",
        _ => "Roles",
    };

    /// <summary>The role names of <paramref name="roles"/> for an audit event, in the order people see them.</summary>
    public static string[] Names(IEnumerable<WarRoomRole> roles) => [.. roles.Distinct().Order().Select(role => role.ToString())];
}
