using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Persistence.Audit;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// The one place that decides whether an actor may perform an operation (rules: <see cref="AccessRules"/>).
/// Every application service asks it before it changes anything, so the Blazor UI, the REST API and
/// automation are held to the same rules. A refusal is written to the audit log (<c>access.refused</c>,
/// with who, what, their roles and why) before the caller hears of it.
/// </summary>
public sealed partial class AccessAuthorization(AuditLog auditLog, ILogger<AccessAuthorization> logger)
{
    /// <summary>Null when <paramref name="actor"/> may perform <paramref name="operation"/>, otherwise why not (already audited).</summary>
    public async Task<string?> RequireAsync(Actor actor, Operation operation, Guid? rolloutId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (AccessRules.Allows(actor, operation))
        {
            return null;
        }

        return await RefuseAsync(actor, operation.ToString(), rolloutId, Explain(actor, operation), cancellationToken);
    }

    /// <summary>
    /// Null when <paramref name="actor"/> may sign for <paramref name="role"/> — a person or key holding that
    /// lead role — otherwise why not (already audited).
    /// </summary>
    public async Task<string?> RequireSignOffAsync(Actor actor, SignOffRole role, Guid? rolloutId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var lead = WarRoomRoles.For(role);
        if (actor.Kind is ActorKind.Person or ActorKind.ApiKey && actor.Holds(lead))
        {
            return null;
        }

        var why = actor.Kind is ActorKind.Person or ActorKind.ApiKey
            ? $"{actor.Name} does not hold the {WarRoomRoles.Text(lead)} role, so cannot sign for it."
            : Explain(actor, Operation.SignOff);
        return await RefuseAsync(actor, $"{Operation.SignOff}:{role}", rolloutId, why, cancellationToken);
    }

    /// <summary>Audits a refusal decided elsewhere (a kiosk outside <c>/warroom</c>, an admin-only page) and returns <paramref name="why"/>.</summary>
    public async Task<string> RefuseAsync(Actor actor, string operation, Guid? rolloutId, string why, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        LogRefused(actor.Name, operation, why);
        await auditLog.AppendAsync(
            AuditEventDraft.For(actor.Name, "access.refused", rolloutId, new
            {
                operation,
                actorKind = actor.Kind.ToString(),
                roles = actor.Roles.Order().Select(r => r.ToString()).ToArray(),
                reason = why,
            }),
            cancellationToken);
        return why;
    }

    private static string Explain(Actor actor, Operation operation)
    {
        var roles = AccessRules.RolesFor(operation);
        var needs = roles.Count == 0 ? "only the app itself may do that" : "it needs the " + string.Join(" or ", roles.Select(WarRoomRoles.Text)) + " role";
        return actor.Kind switch
        {
            ActorKind.Anonymous => $"Sign in first: {Describe(operation)} is not open to anonymous callers.",
            ActorKind.Kiosk => $"A kiosk screen is read-only: {Describe(operation)} is refused.",
            _ => $"{actor.Name} may not {Describe(operation)}: {needs}.",
        };
    }

    private static string Describe(Operation operation) => operation switch
    {
        Operation.ChangeTraffic => "change traffic",
        Operation.RollBack => "roll back",
        Operation.ManageAccess => "manage people and access",
        Operation.HandOff => "hand off a shift",
        Operation.AcknowledgeHandoff => "acknowledge a handoff",
        _ => string.Concat(operation.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Actor}: {Operation}. {Reason}")]
    private partial void LogRefused(string actor, string operation, string reason);
}
