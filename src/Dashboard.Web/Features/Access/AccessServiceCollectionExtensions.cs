using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Web.Features.Access.Hosting;
using Dashboard.Web.Shared.Time;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// The authorization gate every application service asks (<see cref="AccessAuthorization"/>, which audits refusals)
    /// and the signed-in actor of a Blazor circuit (<see cref="CurrentActor"/>) with their time display (<see cref="PersonTimeDisplay"/>). Part of <see cref="AddWarRoomAccess"/>;
    /// on its own for hosts without sign-in. Needs <c>AddStateStore</c>.
    /// </summary>
    public static IServiceCollection AddAccessAuthorization(this IServiceCollection services)
    {
        services.TryAddScoped<CurrentActor>();
        services.TryAddSingleton<AccessAuthorization>();
        services.TryAddScoped<PersonTimeDisplay>();
        services.TryAddScoped<ITimeDisplaySource>(provider => provider.GetRequiredService<PersonTimeDisplay>());
        return services;
    }

    /// <summary>
    /// Sign-in for people (cookie, password or OpenID Connect), API keys (<c>Authorization: Bearer</c>) and
    /// kiosk screens; the endpoint policies (<see cref="AccessPolicies"/>); the Data Protection key ring in the
    /// state store (encrypted with a certificate when <c>DataProtection:*</c> says so); the trusted proxies
    /// (<c>ForwardedHeaders:*</c>); the revalidating authentication state of Blazor circuits. Section <c>Auth</c>,
    /// validated at start-up. Needs <c>AddStateStore</c>.
    /// </summary>
    public static IServiceCollection AddWarRoomAccess(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddProxyHeaders(configuration);
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>());
        var settings = configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();

        services.AddDataProtection().SetApplicationName("rollout-war-room").PersistKeysToDbContext<WarRoomDbContext>().ProtectKeysByConfiguration(configuration);
        services.TryAddSingleton<IPasswordHasher<PersonRecord>, PasswordHasher<PersonRecord>>();
        services.AddMetrics();
        services.TryAddSingleton<UnauthenticatedAudit>();
        services.TryAddSingleton<PasswordSignIn>();
        services.TryAddSingleton<KioskTokens>();
        services.TryAddSingleton<KioskCodeAttempts>();
        services.TryAddSingleton<SessionValidator>();
        services.TryAddSingleton<FirstRunSetup>();
        services.TryAddSingleton<OidcPeople>();
        services.TryAddSingleton<SignInMessages>();
        services.AddAccessAuthorization();

        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = AccessSchemes.Default;
                options.DefaultChallengeScheme = AccessSchemes.Default;
            })
            .AddPolicyScheme(AccessSchemes.Default, "API key or session", options =>
                options.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.HasBearer(context.Request) ? AccessSchemes.ApiKey : AccessSchemes.Cookie)
            .AddCookie(AccessSchemes.Cookie, options =>
            {
                options.Cookie.Name = AccessSchemes.CookieName;
                options.Cookie.HttpOnly = true;

                // Strict unless single sign-on needs the cookie on the provider's redirect back.
                options.Cookie.SameSite = settings.Oidc.Enabled ? SameSiteMode.Lax : SameSiteMode.Strict;
                options.ExpireTimeSpan = settings.SessionLifetime;
                options.SlidingExpiration = true;
                options.LoginPath = AccountEndpoints.SignInPath;
                options.AccessDeniedPath = AccountEndpoints.AccessDeniedPath;
                options.ReturnUrlParameter = "returnUrl";
                options.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = ValidateSessionAsync,
                    OnRedirectToLogin = context => AnswerApiOrRedirect(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = AuditAndDenyAsync,
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AccessSchemes.ApiKey, null);
        if (settings.Oidc.Enabled)
        {
            authentication.AddOpenIdConnect(AccessSchemes.Oidc, settings.Oidc.DisplayName, options => ConfigureOidc(options, settings.Oidc));
        }

        services.AddAuthorization(AccessPolicies.Configure);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, WarRoomRevalidation>();
        return services;
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var validator = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
        if (await validator.CurrentAsync(context.Principal, context.HttpContext.RequestAborted) is { } current)
        {
            context.ReplacePrincipal(current);
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(AccessSchemes.Cookie);
    }

    private static Task AnswerApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task AuditAndDenyAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var authorization = context.HttpContext.RequestServices.GetRequiredService<AccessAuthorization>();
        var actor = ActorResolver.From(context.HttpContext.User);
        var path = context.Request.Path.Value ?? "/";
        var why = actor.Kind == ActorKind.Kiosk
            ? $"A kiosk screen may open only /warroom, not {path}."
            : $"{actor.Name} may not open {path}.";
        await authorization.RefuseAsync(actor, $"Open {path}", null, why, context.HttpContext.RequestAborted);
        await AnswerApiOrRedirect(context, StatusCodes.Status403Forbidden);
    }

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    private static void ConfigureOidc(OpenIdConnectOptions options, OidcOptions settings)
    {
        options.SignInScheme = AccessSchemes.Cookie;
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = string.IsNullOrWhiteSpace(settings.ClientSecret) ? null : settings.ClientSecret;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.ResponseType = "code";
        options.ResponseMode = "query";
        options.UsePkce = true;

        // The provider redirects back with a GET, so Lax correlation cookies arrive. Their own default is Secure always;
        // here Secure follows Auth:CookieSecurePolicy like every other cookie (HostSecurity.UseSecureCookies).
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.CallbackPath = "/signin-oidc";
        options.SignedOutCallbackPath = "/signout-callback-oidc";
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.SaveTokens = false;
        options.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile", "email" })
        {
            options.Scope.Add(scope);
        }

        options.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = async context =>
            {
                var services = context.HttpContext.RequestServices;
                var sentClaims = OidcPeople.ClaimNamesOf(context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage?.IdToken);
                var (person, problem) = await services.GetRequiredService<OidcPeople>().SignInAsync(context.Principal!, sentClaims, context.HttpContext.RequestAborted);
                if (person is null)
                {
                    // The audit names the provider's identity, so an admin can tell whom the provider sent.
                    var identity = OidcPeople.ExternalIdOf(context.Principal!) ?? "no subject";
                    await services.GetRequiredService<AccessAuthorization>().RefuseAsync(
                        Actor.Anonymous, "SignIn (openid connect)", null, $"{problem} (identity {identity})", context.HttpContext.RequestAborted);
                    context.Fail(problem!);
                    return;
                }

                await services.GetRequiredService<PeopleStore>().RecordSignInAsync(
                    person.Id, "openid connect", context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", context.HttpContext.RequestAborted);
                context.Principal = PersonPrincipals.For(person);
            },
            OnRemoteFailure = context =>
            {
                context.HandleResponse();
                var messages = context.HttpContext.RequestServices.GetRequiredService<SignInMessages>();
                context.Response.Redirect(messages.SignInUrl("Single sign-on failed: " + context.Failure?.Message));
                return Task.CompletedTask;
            },
        };
    }
}
