using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access.Admin;

/// <summary>
/// People, roles, API keys and kiosk links — the one path for the admin page and <c>/api/admin</c>. Every
/// method first asks <see cref="AccessAuthorization"/> for <see cref="Operation.ManageAccess"/>, then
/// validates every field at once, and only then stores the change with its audit event (the stores do both
/// in one transaction). One enabled admin always remains: the check runs inside the write transaction.
/// </summary>
public sealed class AccessAdminService(
    PeopleStore people,
    ApiKeyStore apiKeys,
    KioskLinkStore kioskLinks,
    KioskTokens kioskTokens,
    IPasswordHasher<PersonRecord> passwordHasher,
    AccessAuthorization authorization,
    IOptions<AccessOptions> options,
    TimeProvider timeProvider)
{
    private DateTimeOffset Now => timeProvider.GetUtcNow();

    public async Task<Outcome<IReadOnlyList<PersonView>>> ListPeopleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (await RefuseAsync(actor, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<IReadOnlyList<PersonView>>(denial);
        }

        var now = Now;
        return Outcomes.Succeeded<IReadOnlyList<PersonView>>([.. (await people.ListAsync(cancellationToken)).Select(p => PersonView.From(p, now))]);
    }

    public async Task<Outcome<PersonView>> GetPersonAsync(Guid personId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await RefuseAsync(actor, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<PersonView>(denial);
        }

        return await people.FindAsync(personId, cancellationToken) is { } person
            ? Outcomes.Succeeded(PersonView.From(person, Now))
            : PersonNotFound(personId);
    }

    /// <summary>Creates a person who signs in with a password; a taken user name (in any case) is a conflict.</summary>
    public async Task<Outcome<PersonView>> CreatePersonAsync(CreatePersonRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RefuseAsync(actor, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<PersonView>(denial);
        }

        var problems = new Dictionary<string, string[]>();
        AccessAdminFields.Add(problems, AccessAdminFields.UserNameField, PersonRules.ProblemWithUserName(request.UserName));
        AccessAdminFields.Add(problems, AccessAdminFields.DisplayNameField, PersonRules.ProblemWithDisplayName(request.DisplayName));
        AccessAdminFields.Add(problems, AccessAdminFields.PasswordField, PersonRules.ProblemWithPassword(request.Password, options.Value.MinPasswordLength));
        var roles = AccessAdminFields.Roles(problems, request.Roles, allowAdmin: true);
        if (problems.Count > 0)
        {
            return Outcomes.Invalid<PersonView>(problems);
        }

        var userName = request.UserName!.Trim();
        var draft = new PersonDraft(userName, request.DisplayName!.Trim(), PasswordHash: null, WarRoomRoles.FormatList(roles));
        var hash = passwordHasher.HashPassword(Provisional(draft, actor), request.Password!);
        var created = await people.CreateAsync(draft with { PasswordHash = hash }, actor.Name, cancellationToken: cancellationToken);
        return created is null
            ? Outcomes.Conflict<PersonView>($"A person with the user name '{userName}' exists already.")
            : Outcomes.Created(PersonView.From(created, Now));
    }

    /// <summary>Replaces the person's roles (<c>person.rolesChanged</c> with before and after); the last enabled admin keeps Admin.</summary>
    public async Task<Outcome<PersonView>> SetRolesAsync(Guid personId, SetRolesRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RefuseAsync(actor, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<PersonView>(denial);
        }

        var problems = new Dictionary<string, string[]>();
        if (request.Roles is null)
        {
            problems[AccessAdminFields.RolesField] = ["Roles are required: every role the person holds from now on (an empty list leaves only Viewer)"];
        }

        var roles = AccessAdminFields.Roles(problems, request.Roles, allowAdmin: true);
        if (problems.Count > 0)
        {
            return Outcomes.Invalid<PersonView>(problems);
        }

        return await EditAsync(personId, actor, "person.rolesChanged", (person, everyone) =>
        {
            var before = WarRoomRoles.ParseList(person.Roles);
            if (before.SetEquals(roles))
            {
                return PersonEdit.Unchanged;
            }

            if (!roles.Contains(WarRoomRole.Admin) && IsLastEnabledAdmin(person, everyone))
            {
                return PersonEdit.Refused($"{person.UserName} is the last enabled admin and must keep the Admin role: make someone else an admin first.");
            }

            person.Roles = WarRoomRoles.FormatList(roles);
            return PersonEdit.Applied(new
            {
                personId = person.Id,
                userName = person.UserName,
                before = AccessAdminFields.Names(before),
                after = AccessAdminFields.Names(roles),
            });
        }, cancellationToken);
    }

    /// <summary>Disables (<c>person.disabled</c>) or enables (<c>person.enabled</c>) the person; the last enabled admin cannot be disabled.</summary>
    public async Task<Outcome<PersonView>> SetDisabledAsync(Guid personId, bool disabled, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await RefuseAsync(actor, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<PersonView>(denial);
        }

        return await EditAsync(personId, actor, disabled ? "person.disabled" : "person.enabled", (person, everyone) =>
        {
            if (person.Disabled == disabled)
            {
                return PersonEdit.Unchanged;
            }

            if (disabled && IsLastEnabledAdmin(person, everyone))
            {
                return PersonEdit.Refused($"{person.UserName} is the last enabled admin and cannot be disabled: make someone else an admin first.");
            }

            person.Disabled = disabled;
            return PersonEdit.Applied(new { personId = person.Id, userName = person.UserName });
        }, cancellationToken);
    }

    /// <summary>Sets a new password (<c>person.passwordReset</c>, never the password itself) and clears any lockout.</summary>
    public async Task<Outcome<PersonView>> ResetPasswordAsync(Guid personId, ResetPasswordRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RefuseAsync(actor, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<PersonView>(denial);
        }

        var problems = new Dictionary<string, string[]>();
        AccessAdminFields.Add(problems, AccessAdminFields.PasswordField, PersonRules.ProblemWithPassword(request.Password, options.Value.MinPasswordLength));
        if (problems.Count > 0)
        {
            return Outcomes.Invalid<PersonView>(problems);
        }

        // Hashing is slow on purpose: done before the write lock is taken.
        if (await people.FindAsync(personId, cancellationToken) is not { } found)
        {
            return PersonNotFound(personId);
        }

        var hash = passwordHasher.HashPassword(found, request.Password!);
        return await EditAsync(personId, actor, "person.passwordReset", (person, _) =>
        {
            person.PasswordHash = hash;
            person.FailedSignIns = 0;
            person.LockedUntil = null;
            return PersonEdit.Applied(new { personId = person.Id, userName = person.UserName });
        }, cancellationToken);
    }

    /// <summary>Ends a lockout and forgets failed sign-ins (<c>person.unlocked</c>); nothing to do when there are none.</summary>
    public async Task<Outcome<PersonView>> UnlockAsync(Guid personId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await RefuseAsync(actor, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<PersonView>(denial);
        }

        var now = Now;
        return await EditAsync(personId, actor, "person.unlocked", (person, _) =>
        {
            var lockedUntil = person.LockedUntil > now ? person.LockedUntil : null;
            if (lockedUntil is null && person.FailedSignIns == 0)
            {
                return PersonEdit.Unchanged;
            }

            person.LockedUntil = null;
            person.FailedSignIns = 0;
            return PersonEdit.Applied(new { personId = person.Id, userName = person.UserName, lockedUntil });
        }, cancellationToken);
    }

    public async Task<Outcome<IReadOnlyList<ApiKeyView>>> ListApiKeysAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (await RefuseAsync(actor, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<IReadOnlyList<ApiKeyView>>(denial);
        }

        var now = Now;
        return Outcomes.Succeeded<IReadOnlyList<ApiKeyView>>([.. (await apiKeys.ListAsync(cancellationToken)).Select(k => ApiKeyView.From(k, now))]);
    }

    /// <summary>Creates a key and returns its token — the only time anyone sees it; only the secret's hash is stored.</summary>
    public async Task<Outcome<CreatedApiKey>> CreateApiKeyAsync(CreateApiKeyRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RefuseAsync(actor, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<CreatedApiKey>(denial);
        }

        var now = Now;
        var problems = new Dictionary<string, string[]>();
        var name = AccessAdminFields.Name(problems, request.Name);
        var roles = AccessAdminFields.Roles(problems, request.Roles, allowAdmin: false);
        AccessAdminFields.Add(problems, AccessAdminFields.ExpiresAtField, AccessAdminFields.ProblemWithApiKeyExpiry(request.ExpiresAt, now, options.Value.MaxApiKeyLifetime));
        if (problems.Count > 0)
        {
            return Outcomes.Invalid<CreatedApiKey>(problems);
        }

        if ((await apiKeys.ListAsync(cancellationToken)).Any(k => IsLiveNamed(ApiKeyView.From(k, now).State, k.Name, name!)))
        {
            return Outcomes.Conflict<CreatedApiKey>($"A live API key is named '{name}' already: revoke it first, or pick another name.");
        }

        var (token, prefix, secretHash) = ApiKeyTokens.Generate();
        var key = await apiKeys.CreateAsync(
            new ApiKeyRecord
            {
                Id = Guid.NewGuid(),
                Name = name!,
                Prefix = prefix,
                SecretHash = secretHash,
                Roles = WarRoomRoles.FormatList(roles),
                CreatedAt = now,
                CreatedBy = actor.Name,
                ExpiresAt = request.ExpiresAt!.Value,
            },
            cancellationToken);
        return Outcomes.Created(new CreatedApiKey(ApiKeyView.From(key, now), token));
    }

    /// <summary>Revokes the key at once (<c>apiKey.revoked</c>); a key revoked before stays as it was.</summary>
    public async Task<Outcome<ApiKeyView>> RevokeApiKeyAsync(Guid keyId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await RefuseAsync(actor, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<ApiKeyView>(denial);
        }

        return await apiKeys.RevokeAsync(keyId, actor.Name, cancellationToken) is { } key
            ? Outcomes.Succeeded(ApiKeyView.From(key, Now))
            : Outcomes.NotFound<ApiKeyView>($"API key {keyId} does not exist.");
    }

    public async Task<Outcome<IReadOnlyList<KioskLinkView>>> ListKioskLinksAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (await RefuseAsync(actor, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<IReadOnlyList<KioskLinkView>>(denial);
        }

        var now = Now;
        return Outcomes.Succeeded<IReadOnlyList<KioskLinkView>>([.. (await kioskLinks.ListAsync(cancellationToken)).Select(l => KioskLinkView.From(l, now))]);
    }

    /// <summary>Creates a read-only link for a war-room screen and returns its path (<c>/kiosk/{token}</c>) and short path (<c>/k/{code}</c>).</summary>
    public async Task<Outcome<IssuedKioskLink>> CreateKioskLinkAsync(CreateKioskLinkRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RefuseAsync(actor, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<IssuedKioskLink>(denial);
        }

        var now = Now;
        var problems = new Dictionary<string, string[]>();
        var name = AccessAdminFields.Name(problems, request.Name);
        AccessAdminFields.Add(problems, AccessAdminFields.ExpiresAtField, AccessAdminFields.ProblemWithKioskExpiry(request.ExpiresAt, now));
        if (problems.Count > 0)
        {
            return Outcomes.Invalid<IssuedKioskLink>(problems);
        }

        if ((await kioskLinks.ListAsync(cancellationToken)).Any(l => IsLiveNamed(KioskLinkView.From(l, now).State, l.Name, name!)))
        {
            return Outcomes.Conflict<IssuedKioskLink>($"A live kiosk link is named '{name}' already: revoke it first, or pick another name.");
        }

        // The short code is shown this once: only its hash is kept (KioskShortCode).
        var code = KioskShortCode.Generate();
        var link = await kioskLinks.CreateAsync(
            new KioskLinkRecord
            {
                Id = Guid.NewGuid(),
                Name = name!,
                CreatedAt = now,
                CreatedBy = actor.Name,
                ExpiresAt = request.ExpiresAt,
                ShortCodeHash = KioskShortCode.Hash(code),
            },
            cancellationToken);
        return Outcomes.Created(new IssuedKioskLink(KioskLinkView.From(link, now), kioskTokens.PathFor(link), KioskShortCode.PathFor(code)));
    }

    /// <summary>A fresh path for a live link (any number may be issued; revoking the link ends them all); a revoked or expired link has none.</summary>
    public async Task<Outcome<IssuedKioskLink>> GetKioskLinkPathAsync(Guid linkId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await RefuseAsync(actor, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<IssuedKioskLink>(denial);
        }

        if (await kioskLinks.FindAsync(linkId, cancellationToken) is null)
        {
            return Outcomes.NotFound<IssuedKioskLink>($"Kiosk link {linkId} does not exist.");
        }

        var (link, problem) = await kioskTokens.CheckAsync(linkId, cancellationToken);
        return link is null
            ? Outcomes.Conflict<IssuedKioskLink>($"{problem} Create a new link instead.")
            : Outcomes.Succeeded(new IssuedKioskLink(KioskLinkView.From(link, Now), kioskTokens.PathFor(link), ShortPath: null));
    }

    /// <summary>Revokes the link at once (<c>kioskLink.revoked</c>): every copy of its path stops working.</summary>
    public async Task<Outcome<KioskLinkView>> RevokeKioskLinkAsync(Guid linkId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await RefuseAsync(actor, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<KioskLinkView>(denial);
        }

        return await kioskLinks.RevokeAsync(linkId, actor.Name, cancellationToken) is { } link
            ? Outcomes.Succeeded(KioskLinkView.From(link, Now))
            : Outcomes.NotFound<KioskLinkView>($"Kiosk link {linkId} does not exist.");
    }

    private Task<string?> RefuseAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return authorization.RequireAsync(actor, Operation.ManageAccess, null, cancellationToken);
    }

    private async Task<Outcome<PersonView>> EditAsync(
        Guid personId, Actor actor, string auditKind, Func<PersonRecord, IReadOnlyList<PersonRecord>, PersonEdit> decide, CancellationToken cancellationToken)
    {
        var (person, refusal) = await people.EditAsync(personId, decide, actor.Name, auditKind, cancellationToken);
        return person is null ? PersonNotFound(personId)
            : refusal is not null ? Outcomes.Conflict<PersonView>(refusal)
            : Outcomes.Succeeded(PersonView.From(person, Now));
    }

    private static Outcome<PersonView> PersonNotFound(Guid personId) =>
        Outcomes.NotFound<PersonView>($"Person {personId} does not exist.");

    /// <summary>True when <paramref name="person"/> is an enabled admin and nobody else is.</summary>
    private static bool IsLastEnabledAdmin(PersonRecord person, IReadOnlyList<PersonRecord> everyone)
    {
        static bool IsEnabledAdmin(PersonRecord p) => !p.Disabled && WarRoomRoles.ParseList(p.Roles).Contains(WarRoomRole.Admin);
        return IsEnabledAdmin(person) && !everyone.Any(p => p.Id != person.Id && IsEnabledAdmin(p));
    }

    private static bool IsLiveNamed(AccessGrantState state, string name, string wanted) =>
        state == AccessGrantState.Live && string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase);

    /// <summary>The person about to be created, for the password hasher (an <see cref="IPasswordHasher{TUser}"/> may read the user).</summary>
    private static PersonRecord Provisional(PersonDraft draft, Actor actor) => new()
    {
        UserName = draft.UserName,
        NormalizedUserName = PeopleStore.Normalize(draft.UserName),
        DisplayName = draft.DisplayName,
        Roles = draft.Roles,
        SecurityStamp = string.Empty,
        CreatedBy = actor.Name,
    };
}
