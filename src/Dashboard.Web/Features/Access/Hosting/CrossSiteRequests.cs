namespace Dashboard.Web.Features.Access.Hosting;

/// <summary>
/// Refuses an unsafe request (POST, PUT, PATCH, DELETE) that carries the session cookie but was sent by another site:
/// <c>Sec-Fetch-Site</c> other than <c>same-origin</c>, or, from a browser that does not send it, an <c>Origin</c> that
/// is not the app's. SameSite alone lets a sibling site (<c>other.example.com</c> beside <c>warroom.example.com</c>)
/// through. API keys are not sent by browsers on their own, so calls with one are not checked; neither are callers
/// that send neither header (scripts, curl). The refusal is a 403 audited like any other (docs/security.md).
/// </summary>
public static class CrossSiteRequests
{
    public static IApplicationBuilder UseCrossSiteRequestRefusal(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (IsUnsafe(request.Method)
                && context.User.Identity?.IsAuthenticated == true
                && !ApiKeyAuthenticationHandler.HasBearer(request)
                && CrossSiteSign(request) is { } sign)
            {
                var operation = $"{request.Method} {request.Path.Value}";
                var why = $"A request from another site may not change anything with a session cookie ({sign}).";
                await context.RequestServices.GetRequiredService<AccessAuthorization>().RefuseAsync(
                    ActorResolver.From(context.User), operation, null, why, context.RequestAborted);
                await Results.Problem(why, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }

    // Which header shows the request came from another site, or null when nothing does; cut short for the audit.
    private static string? CrossSiteSign(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site.Equals("same-origin", StringComparison.OrdinalIgnoreCase) ? null : $"Sec-Fetch-Site: {Short(site)}";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return null;
        }

        var sameOrigin = Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && uri.Scheme.Equals(request.Scheme, StringComparison.OrdinalIgnoreCase)
            && uri.Authority.Equals(request.Host.Value, StringComparison.OrdinalIgnoreCase);
        return sameOrigin ? null : $"Origin: {Short(origin)}";
    }

    private static string Short(string header) => header.Length <= 100 ? header : header[..100] + "…";

    private static bool IsUnsafe(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
}
