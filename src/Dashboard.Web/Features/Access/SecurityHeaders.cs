using Dashboard.Web.Features.Access.Hosting;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// Response headers every page and API answer carries: no framing (clickjacking), no MIME sniffing, no
/// referrer (a kiosk link's token must not leak to another site), a content security policy that allows
/// only the app's own scripts and connections, and HSTS when served over https (not to loopback).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                // Not on loopback: a year of https-only localhost would break every other local app of the browser.
                if (context.Request.IsHttps && !LoopbackRequests.IsLoopback(context))
                {
                    headers.StrictTransportSecurity = "max-age=31536000";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
