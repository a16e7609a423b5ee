using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Dashboard.TestSupport;

/// <summary>
/// A real, minimal OpenID Connect provider on a loopback port: discovery, JWKS, an authorization endpoint for the
/// code flow (answered by query) and a token endpoint (client_secret_post or _basic, PKCE S256 required) that
/// answers RS256 ID tokens signed with a key made per run. Like a real provider it knows one client and the
/// redirect URIs registered for it; who is "signed in" at the provider is the test's choice (<see cref="NextUser"/>).
/// </summary>
public sealed class OidcTestProvider : IAsyncDisposable
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(5);

    private readonly OidcSigningKey _key = new();
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _redirectUris = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private volatile OidcTestUser? _nextUser;
    private volatile IReadOnlyDictionary<string, string>? _lastAuthorizeRequest;

    private OidcTestProvider(string clientId, string clientSecret)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>The issuer and authority, e.g. <c>http://127.0.0.1:40123</c> (no trailing slash).</summary>
    public string Issuer { get; private set; } = string.Empty;

    /// <summary>The person the next <c>/authorize</c> signs in (and every one after, until changed); null: the person cancels (<c>access_denied</c>).</summary>
    public OidcTestUser? NextUser
    {
        get => _nextUser;
        set => _nextUser = value;
    }

    /// <summary>The query of the last <c>/authorize</c> request, to check what the client asked for.</summary>
    public IReadOnlyDictionary<string, string>? LastAuthorizeRequest => _lastAuthorizeRequest;

    public static async Task<OidcTestProvider> StartAsync(string clientId = "war-room", string clientSecret = "war-room-test-client-secret")
    {
        var provider = new OidcTestProvider(clientId, clientSecret);
        await provider.ListenAsync();
        return provider;
    }

    /// <summary>The app's settings that point it at this provider (<c>Auth__Oidc__*</c>).</summary>
    public IReadOnlyDictionary<string, string> AppSettings() => new Dictionary<string, string>
    {
        ["Auth__Oidc__Enabled"] = "true",
        ["Auth__Oidc__Authority"] = Issuer,
        ["Auth__Oidc__ClientId"] = ClientId,
        ["Auth__Oidc__ClientSecret"] = ClientSecret,
        ["Auth__Oidc__RequireHttpsMetadata"] = "false",
    };

    /// <summary>Registers a redirect URI for the client, as an admin does at a real provider; others are refused.</summary>
    public void RegisterRedirectUri(Uri redirectUri)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        _redirectUris[redirectUri.AbsoluteUri] = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _key.Dispose();
    }

    private async Task ListenAsync()
    {
        // Empty builder: no configuration files or environment, so nothing of the test host's settings leaks in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", Discovery);
        app.MapGet("/jwks", () => Results.Json(new { keys = new[] { _key.Jwk() } }));
        app.MapGet("/authorize", Authorize);
        app.MapPost("/token", TokenAsync);
        await app.StartAsync();
        _app = app;
        Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    private IResult Discovery() => Results.Text(
        $$"""
        {
          "issuer": "{{Issuer}}",
          "authorization_endpoint": "{{Issuer}}/authorize",
          "token_endpoint": "{{Issuer}}/token",
          "jwks_uri": "{{Issuer}}/jwks",
          "response_types_supported": ["code"],
          "response_modes_supported": ["query"],
          "grant_types_supported": ["authorization_code"],
          "subject_types_supported": ["public"],
          "id_token_signing_alg_values_supported": ["RS256"],
          "code_challenge_methods_supported": ["S256"],
          "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
          "scopes_supported": ["openid", "profile", "email"],
          "claims_supported": ["iss", "aud", "sub", "exp", "iat", "nonce", "at_hash", "preferred_username", "name", "email", "roles"]
        }
        """,
        "application/json");

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        _lastAuthorizeRequest = query;
        string Get(string name) => query.TryGetValue(name, out var value) ? value : string.Empty;

        // An unknown client or redirect URI must not be redirected to (RFC 6749 §4.1.2.1): answer here.
        if (Get("client_id") != ClientId)
        {
            return Results.Text($"Unknown client_id '{Get("client_id")}'.", statusCode: StatusCodes.Status400BadRequest);
        }

        var redirectUri = Get("redirect_uri");
        if (!_redirectUris.ContainsKey(redirectUri))
        {
            return Results.Text($"redirect_uri '{redirectUri}' is not registered for {ClientId}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var state = Get("state");
        var problem = Get("response_type") != "code" ? ("unsupported_response_type", "Only the code flow.")
            : !Get("scope").Split(' ').Contains("openid", StringComparer.Ordinal) ? ("invalid_scope", "The openid scope is required.")
            : Get("code_challenge_method") != "S256" || Get("code_challenge").Length < 43 ? ("invalid_request", "PKCE with S256 is required.")
            : Get("response_mode") is not ("" or "query") ? ("invalid_request", "Only response_mode=query.")
            : NextUser is null ? ("access_denied", "The person did not sign in.")
            : default((string, string)?);
        if (problem is var (error, description))
        {
            return Results.Redirect(WithQuery(redirectUri, ("error", error), ("error_description", description), ("state", state)));
        }

        var code = OidcSigningKey.Base64Url(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new PendingCode(NextUser!, redirectUri, Get("code_challenge"), query.GetValueOrDefault("nonce"), DateTimeOffset.UtcNow + CodeLifetime);
        return Results.Redirect(WithQuery(redirectUri, ("code", code), ("state", state)));
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return TokenError("invalid_request", "Expected an application/x-www-form-urlencoded body.");
        }

        var form = await request.ReadFormAsync();
        var (clientId, clientSecret) = ClientCredentials(request.Headers.Authorization, form);
        if (clientId != ClientId || !SameSecret(clientSecret, ClientSecret))
        {
            return TokenError("invalid_client", "Unknown client or wrong secret.", StatusCodes.Status401Unauthorized);
        }

        if (form["grant_type"] != "authorization_code")
        {
            return TokenError("unsupported_grant_type", "Only authorization_code.");
        }

        // A code works once: removed whether or not the rest of the request is right.
        var now = DateTimeOffset.UtcNow;
        if (!_codes.TryRemove(form["code"].ToString(), out var pending) || pending.ExpiresAt < now)
        {
            return TokenError("invalid_grant", "The code is unknown, used or expired.");
        }

        if (form["redirect_uri"] != pending.RedirectUri)
        {
            return TokenError("invalid_grant", "redirect_uri differs from the authorization request's.");
        }

        var verifier = form["code_verifier"].ToString();
        if (verifier.Length is < 43 or > 128 || OidcSigningKey.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != pending.CodeChallenge)
        {
            return TokenError("invalid_grant", "The PKCE code_verifier does not match the code_challenge.");
        }

        var accessToken = OidcSigningKey.Base64Url(RandomNumberGenerator.GetBytes(32));
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)TokenLifetime.TotalSeconds,
            ["id_token"] = IdToken(pending, accessToken, now),
        });
    }

    private string IdToken(PendingCode pending, string accessToken, DateTimeOffset now)
    {
        var user = pending.User;
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = ClientId,
            ["sub"] = user.Subject,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + TokenLifetime).ToUnixTimeSeconds(),
            ["at_hash"] = OidcSigningKey.AccessTokenHash(accessToken),
            ["name"] = user.DisplayName,
        };
        if (user.Roles is { } roles)
        {
            claims["roles"] = roles.ToArray();
        }

        if (pending.Nonce is { } nonce)
        {
            claims["nonce"] = nonce;
        }

        if (user.UserName is { } userName)
        {
            claims["preferred_username"] = userName;
        }

        if (user.Email is { } email)
        {
            claims["email"] = email;
        }

        return _key.Sign(claims);
    }

    /// <summary>client_secret_basic (RFC 6749 §2.3.1: form-encoded, then base64) or client_secret_post.</summary>
    private static (string? Id, string? Secret) ClientCredentials(StringValues authorization, IFormCollection form)
    {
        var header = authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? (null, null) : (WebUtility.UrlDecode(decoded[..colon]), WebUtility.UrlDecode(decoded[(colon + 1)..]));
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    private static bool SameSecret(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static IResult TokenError(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: status);

    private static string WithQuery(string uri, params (string Name, string Value)[] parameters)
    {
        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
        return uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }

    private sealed record PendingCode(OidcTestUser User, string RedirectUri, string CodeChallenge, string? Nonce, DateTimeOffset ExpiresAt);
}
