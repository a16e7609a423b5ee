using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access.Hosting;

/// <summary>
/// What the host does for every request before the app sees it: believe <c>X-Forwarded-For</c>/<c>-Proto</c> only
/// from configured proxies, and mark every cookie the app sets <c>Secure</c> by <c>Auth:CookieSecurePolicy</c>
/// (docs/security.md, "Behind a proxy" and "Cookies").
/// </summary>
public static class HostSecurity
{
    /// <summary>Section <c>ForwardedHeaders</c>, validated at start-up. Part of <c>AddWarRoomAccess</c>.</summary>
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>());
        return services;
    }

    /// <summary>
    /// First in the pipeline, so logs, rate limits, audit sources, cookies and HSTS all see the client's address and
    /// scheme. Nothing when no proxy is configured: then a forwarded header is ignored, whoever sends it.
    /// </summary>
    public static IApplicationBuilder UseProxyHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.ApplicationServices.GetRequiredService<IOptions<ProxyOptions>>().Value;
        if (!settings.IsEnabled)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = settings.ForwardLimit,
        };

        // The framework trusts loopback by default; only what is configured is trusted here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return app.UseForwardedHeaders(options);
    }

    /// <summary>Before anything sets a cookie: every cookie of the app passes here, so none is forgotten.</summary>
    public static IApplicationBuilder UseSecureCookies(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var policy = app.ApplicationServices.GetRequiredService<IOptions<AccessOptions>>().Value.CookieSecurePolicy;
        return app.UseCookiePolicy(new CookiePolicyOptions
        {
            // Never downgrades: a cookie its own builder made Secure stays Secure.
            OnAppendCookie = context => context.CookieOptions.Secure |= IsSecure(policy, context.Context),
            OnDeleteCookie = context => context.CookieOptions.Secure |= IsSecure(policy, context.Context),
        });
    }

    private static bool IsSecure(SecureCookies policy, HttpContext context) => policy switch
    {
        SecureCookies.Always => true,
        SecureCookies.SameAsRequest => context.Request.IsHttps,
        SecureCookies.None => false,
        _ => context.Request.IsHttps || !LoopbackRequests.IsLoopback(context),
    };
}
