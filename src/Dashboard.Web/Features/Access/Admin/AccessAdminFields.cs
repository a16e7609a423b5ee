using Dashboard.Infrastructure.Persistence.Access;

namespace Dashboard.Web.Features.Access.Admin;

/// <summary>How <see cref="AccessAdminService"/> reads a request's fields: each problem goes into the field's entry, so all are reported at once.</summary>
internal static class AccessAdminFields
{
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
            problems["roles"] = [.. wrong];
        }

        return roles;
    }

    /// <summary>The trimmed name, or null with a problem when it is empty or too long.</summary>
    public static string? Name(Dictionary<string, string[]> problems, string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            problems["name"] = ["name is required"];
            return null;
        }

        if (trimmed.Length > AccessLimits.NameLength)
        {
            problems["name"] = [$"name is longer than {AccessLimits.NameLength} characters"];
            return null;
        }

        return trimmed;
    }

    /// <summary>Records <paramref name="problem"/> for <paramref name="field"/> when there is one.</summary>
    public static void Add(Dictionary<string, string[]> problems, string field, string? problem)
    {
        if (problem is not null)
        {
            problems[field] = [$"{field} {problem}"];
        }
    }

    /// <summary>The role names of <paramref name="roles"/> for an audit event, in the order people see them.</summary>
    public static string[] Names(IEnumerable<WarRoomRole> roles) => [.. roles.Distinct().Order().Select(role => role.ToString())];
}
