using System.Buffers.Text;
using System.Security.Claims;
using System.Text.Json;
using Dashboard.Infrastructure.Persistence.Access;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// Maps a person signed in by the identity provider to a war-room person: found by <c>issuer|subject</c>,
/// else created (as a Viewer unless the provider's roles claim names war-room roles). When the roles claim
/// is configured and the ID token carries it (an empty array too), the provider owns the roles and they are
/// synced at each sign-in (audited); otherwise the admin page does.
/// </summary>
public sealed class OidcPeople(PeopleStore people, IOptions<AccessOptions> options)
{
    public const string Source = "openid connect";

    /// <summary>
    /// The person for <paramref name="external"/> (the principal made of the validated ID token), or null with why
    /// not (disabled, no user name, name taken). <paramref name="sentClaims"/> are the claim names the ID token
    /// carried (<see cref="ClaimNamesOf"/>): a roles claim sent as an empty array leaves no claim in the principal,
    /// yet means "holds no roles" — unlike no roles claim at all, which leaves roles to the admin page.
    /// </summary>
    public async Task<(PersonRecord? Person, string? Problem)> SignInAsync(
        ClaimsPrincipal external, IReadOnlySet<string>? sentClaims = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(external);
        var settings = options.Value.Oidc;
        var subject = external.FindFirstValue("sub") ?? external.FindFirstValue(ClaimTypes.NameIdentifier);
        var userName = external.FindFirstValue(settings.UserNameClaim) ?? external.FindFirstValue("email") ?? external.Identity?.Name;
        if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(userName) || PersonRules.ProblemWithUserName(userName) is not null)
        {
            return (null, $"The identity provider sent no usable '{settings.UserNameClaim}' claim.");
        }

        var externalId = ExternalIdOf(external)!;
        var displayName = external.FindFirstValue("name") ?? userName;
        var claimed = ClaimedRoles(external, settings.RolesClaim, sentClaims);
        var person = await people.FindByExternalIdAsync(externalId, cancellationToken)
            ?? await people.CreateAsync(new PersonDraft(userName, displayName, null, WarRoomRoles.FormatList(claimed ?? []), externalId), Source, cancellationToken: cancellationToken);
        if (person is null)
        {
            return (null, $"The user name '{userName}' already belongs to another war-room person; an admin must link or rename one.");
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

    /// <summary><c>issuer|subject</c>, the provider's lasting name for the person; null without a subject.</summary>
    public static string? ExternalIdOf(ClaimsPrincipal external)
    {
        ArgumentNullException.ThrowIfNull(external);
        var subject = external.FindFirst("sub") ?? external.FindFirst(ClaimTypes.NameIdentifier);
        return subject is null ? null : $"{subject.Issuer}|{subject.Value}";
    }

    /// <summary>The names of the claims in an ID token's payload (empty for anything that is not a JWT).</summary>
    public static IReadOnlySet<string> ClaimNamesOf(string? idToken)
    {
        var parts = idToken?.Split('.');
        if (parts is not { Length: 3 })
        {
            return new HashSet<string>();
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.ValueKind == JsonValueKind.Object
                ? payload.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>();
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return new HashSet<string>();
        }
    }

    private static HashSet<WarRoomRole>? ClaimedRoles(ClaimsPrincipal external, string rolesClaim, IReadOnlySet<string>? sentClaims)
    {
        if (string.IsNullOrWhiteSpace(rolesClaim))
        {
            return null;
        }

        var values = external.FindAll(rolesClaim).Select(c => c.Value).ToList();
        if (values.Count == 0)
        {
            return sentClaims?.Contains(rolesClaim) == true ? [] : null;
        }

        return [.. values.Select(v => WarRoomRoles.TryParse(v.Replace(" ", string.Empty, StringComparison.Ordinal), out var role) ? role : (WarRoomRole?)null).OfType<WarRoomRole>()];
    }
}
