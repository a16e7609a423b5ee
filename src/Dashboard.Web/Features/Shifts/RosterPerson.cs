using Dashboard.Infrastructure.Persistence.Access;

namespace Dashboard.Web.Features.Shifts;

/// <summary>Someone on the roster: the user name the roster stores and the name people read.</summary>
public sealed record RosterPerson(string UserName, string DisplayName)
{
    /// <summary>The person stored as <paramref name="userName"/>, by their display name (normalized user name → display name); null for nobody.</summary>
    public static RosterPerson? Named(string? userName, IReadOnlyDictionary<string, string> displayNames)
    {
        ArgumentNullException.ThrowIfNull(displayNames);
        return userName is null ? null : new(userName, displayNames.GetValueOrDefault(PeopleStore.Normalize(userName)) ?? userName);
    }

    /// <summary>The people of a stored comma-separated list.</summary>
    public static IReadOnlyList<RosterPerson> List(string stored, IReadOnlyDictionary<string, string> displayNames) =>
        [.. stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(name => Named(name, displayNames)!)];
}
