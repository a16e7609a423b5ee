namespace Dashboard.Web.Features.Access.Components;

/// <summary>
/// The words for what a sign-in allows, where a page leaves out the buttons <see cref="AccessRules"/>
/// does not allow: "You are signed in as viewer: you can watch but not change this rollout."
/// </summary>
public static class AccessText
{
    /// <summary>"operator", "engineering lead, finance lead"; "viewer" for a sign-in without roles.</summary>
    public static string RolesOf(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var roles = actor.Roles.Where(role => role != WarRoomRole.Viewer).Order().ToList();
        return roles.Count == 0 ? "viewer" : string.Join(", ", roles.Select(Name));
    }

    /// <summary>Who the page is shown to: "You are signed in as viewer", "You are not signed in", "This is a read-only kiosk screen".</summary>
    public static string Who(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Kind switch
        {
            ActorKind.Person or ActorKind.ApiKey => $"You are signed in as {RolesOf(actor)}",
            ActorKind.Kiosk => "This is a read-only kiosk screen",
            ActorKind.Automation => $"This is {actor.Name}",
            _ => "You are not signed in",
        };
    }

    /// <summary>"{Who}: {what}." — e.g. <paramref name="what"/> "you can watch but not change this rollout".</summary>
    public static string Refused(Actor actor, string what) => $"{Who(actor)}: {what}.";

    /// <summary>
    /// For someone allowed part of a set of actions: "You are signed in as engineering lead: Start, Advance
    /// and Abort need the operator role." Null when <paramref name="withheld"/> is empty.
    /// </summary>
    public static string? Withheld(Actor actor, IReadOnlyCollection<(string Label, Operation Operation)> withheld)
    {
        ArgumentNullException.ThrowIfNull(withheld);
        if (withheld.Count == 0)
        {
            return null;
        }

        var labels = withheld.Select(w => w.Label).ToList();
        var roles = withheld.SelectMany(w => AccessRules.RolesFor(w.Operation)).Distinct().Order().Select(Name).ToList();
        var one = labels.Count == 1;
        var needs = roles.Count == 0
            ? (one ? "is for automation only" : "are for automation only")
            : $"{(one ? "needs" : "need")} the {Join(roles, "or")} role";
        return $"{Who(actor)}: {Join(labels, "and")} {needs}.";
    }

    private static string Name(WarRoomRole role) => WarRoomRoles.Text(role).ToLowerInvariant();

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string Join(List<string> items, string conjunction) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} {conjunction} {items[^1]}";
}
