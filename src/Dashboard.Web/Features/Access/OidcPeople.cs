using System.Security.Claims;
using Dashboard.Infrastructure.Persistence.Access;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// Maps a person signed in by the identity provider to a war-room person: found by <c>issuer|subject</c>,
/// else created (as a Viewer unless the provider's roles claim names war-room roles). When the roles claim
/// is configured and present, the provider owns the roles and they are synced at each sign-in (audited);
/// otherwise the admin page does.
/// </summary>
public sealed class OidcPeople(PeopleStore people, IOptions<AccessOptions> options)
{
    public const string Source = "openid connect";

    /// <summary>The person for <paramref name="external"/>, or null with why not (disabled, no user name).</summary>
    public async Task<(PersonRecord? Person, string? Problem)> SignInAsync(ClaimsPrincipal external, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(external);
        var settings = options.Value.Oidc;
        var subject = external.FindFirstValue("sub") ?? external.FindFirstValue(ClaimTypes.NameIdentifier);
        var issuer = external.FindFirst("sub")?.Issuer ?? external.FindFirst(ClaimTypes.NameIdentifier)?.Issuer ?? settings.Authority;
        var userName = external.FindFirstValue(settings.UserNameClaim) ?? external.FindFirstValue("email") ?? external.Identity?.Name;
        if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(userName) || PersonRules.ProblemWithUserName(userName) is not null)
        {
            return (null, $"The identity provider sent no usable '{settings.UserNameClaim}' claim.");
        }

        var externalId = $"{issuer}|{subject}";
        var displayName = external.FindFirstValue("name") ?? userName;
        var claimed = ClaimedRoles(external, settings.RolesClaim);
        var person = await people.FindByExternalIdAsync(externalId, cancellationToken)
            ?? await people.CreateAsync(new PersonDraft(userName, displayName, null, WarRoomRoles.FormatList(claimed ?? []), externalId), Source, cancellationToken: cancellationToken);
        if (person is null)
        {
            return (null, $"The user name '{userName}' belongs to a war-room person who signs in with a password; an admin must link or rename one.");
        }

        if (person.Disabled)
        {
            return (null, "This account is disabled. Ask an admin.");
        }

        if (claimed is not null && WarRoomRoles.FormatList(claimed) != WarRoomRoles.FormatList(WarRoomRoles.ParseList(person.Roles)))
        {
            var before = person.Roles;
            var after = WarRoomRoles.FormatList(claimed);
            person = await people.UpdateAsync(
                person.Id, p => p.Roles = after, Source, "person.rolesChanged", new { personId = person.Id, before, after, by = "identity provider" }, cancellationToken) ?? person;
        }

        return (person, null);
    }

    private static HashSet<WarRoomRole>? ClaimedRoles(ClaimsPrincipal external, string rolesClaim)
    {
        if (string.IsNullOrWhiteSpace(rolesClaim))
        {
            return null;
        }

        var values = external.FindAll(rolesClaim).Select(c => c.Value).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        return [.. values.Select(v => WarRoomRoles.TryParse(v.Replace(" ", string.Empty, StringComparison.Ordinal), out var role) ? role : (WarRoomRole?)null).OfType<WarRoomRole>()];
    }
}
