using System.Text.Encodings.Web;
using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// Authenticates <c>Authorization: Bearer wrk_…</c> against the stored key hashes. A revoked, expired or
/// wrong key of a known prefix is refused and audited (<c>apiKey.refused</c>, at most once per address and reason
/// per interval: <see cref="UnauthenticatedAudit"/>); a token that is not a key at all is refused and only logged,
/// so garbage cannot fill the audit log. The principal carries the key's roles, never more.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder,
    ApiKeyStore keys, UnauthenticatedAudit audit, TimeProvider timeProvider)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";

    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header[BearerPrefix.Length..].Trim();
        if (!ApiKeyTokens.TryParse(token, out var prefix, out var secret))
        {
            LogRefused(Logger, "(not a key)", "not in the wrk_ key format");
            return AuthenticateResult.Fail("The bearer token is not a war-room API key.");
        }

        var key = await keys.FindByPrefixAsync(prefix, Context.RequestAborted);
        if (key is null)
        {
            LogRefused(Logger, prefix, "unknown key");
            return AuthenticateResult.Fail("Unknown API key.");
        }

        (string Text, UnauthenticatedFailure Kind)? problem = !ApiKeyTokens.Matches(secret, key.SecretHash) ? ("wrong secret", UnauthenticatedFailure.ApiKeyWrongSecret)
            : key.RevokedAt is not null ? ("revoked", UnauthenticatedFailure.ApiKeyRevoked)
            : key.ExpiresAt <= timeProvider.GetUtcNow() ? ("expired", UnauthenticatedFailure.ApiKeyExpired)
            : null;
        if (problem is { } refused)
        {
            var (reason, kind) = refused;
            LogRefused(Logger, prefix, reason);
            var source = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            await audit.AppendAsync(
                source,
                kind,
                suppressed => AuditEventDraft.For($"api key '{key.Name}'", "apiKey.refused", null, new
                {
                    apiKeyId = key.Id, prefix, reason, path = Request.Path.Value, source, suppressed = suppressed.Count, suppressedSince = suppressed.Since, note = suppressed.Note,
                }),
                Context.RequestAborted);
            return AuthenticateResult.Fail($"The API key is {reason}.");
        }

        await keys.TouchAsync(key.Id, Context.RequestAborted);
        var principal = WarRoomClaims.Principal(Scheme.Name, ActorKind.ApiKey, key.Id.ToString(), key.Name, key.Name, WarRoomRoles.ParseList(key.Roles));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"rollout-war-room\"";
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "API key {Prefix} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string prefix, string reason);
}
