using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// Kiosk links open here (<c>GET /kiosk/{token}</c>, <c>GET /k/{code}</c>) and sign the browser in as a war-room
/// screen. In a browser where a person is signed in, the link first asks (<see cref="KioskSwitchPage"/>): the person's
/// session stays until they confirm with the page's form (<c>POST</c> to the same address, antiforgery-checked).
/// </summary>
public static class KioskLinkEndpoints
{
    public static IEndpointRouteBuilder MapKioskLinkEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(KioskTokens.PathPrefix + "{token}", OpenKioskAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(KioskTokens.PathPrefix + "{token}", ConfirmKioskAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(KioskShortCode.PathPrefix + "{code}", OpenKioskCodeAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(KioskShortCode.PathPrefix + "{code}", ConfirmKioskCodeAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> OpenKioskAsync(string token, HttpContext context, KioskTokens kioskTokens, KioskLinkStore links, UnauthenticatedAudit audit, IAntiforgery antiforgery)
    {
        var (link, problem) = await kioskTokens.ReadAsync(token, context.RequestAborted);
        return link is null
            ? await RefuseKioskAsync(UnauthenticatedFailure.InvalidKioskLink, problem!, StatusCodes.Status403Forbidden, context, audit)
            : await SignInOrAskAsync(link, context, links, antiforgery);
    }

    /// <summary>The switch page's form; <paramref name="confirm"/> makes the endpoint read the form, so its antiforgery token is checked.</summary>
    private static async Task<IResult> ConfirmKioskAsync(
        string token, [FromForm] string? confirm, HttpContext context, KioskTokens kioskTokens, KioskLinkStore links, UnauthenticatedAudit audit)
    {
        var (link, problem) = await kioskTokens.ReadAsync(token, context.RequestAborted);
        return link is null
            ? await RefuseKioskAsync(UnauthenticatedFailure.InvalidKioskLink, problem!, StatusCodes.Status403Forbidden, context, audit)
            : await SignInKioskAsync(link, context, links);
    }

    /// <summary>A short code signs the screen in exactly as its long link does; wrong codes are counted (<see cref="KioskCodeAttempts"/>).</summary>
    private static async Task<IResult> OpenKioskCodeAsync(
        string code, HttpContext context, KioskTokens kioskTokens, KioskLinkStore links, UnauthenticatedAudit audit, KioskCodeAttempts attempts, IAntiforgery antiforgery)
    {
        var (link, refusal) = await ReadCodeAsync(code, context, kioskTokens, audit, attempts);
        return refusal ?? await SignInOrAskAsync(link!, context, links, antiforgery);
    }

    private static async Task<IResult> ConfirmKioskCodeAsync(
        string code, [FromForm] string? confirm, HttpContext context, KioskTokens kioskTokens, KioskLinkStore links, UnauthenticatedAudit audit, KioskCodeAttempts attempts)
    {
        var (link, refusal) = await ReadCodeAsync(code, context, kioskTokens, audit, attempts);
        return refusal ?? await SignInKioskAsync(link!, context, links);
    }

    private static async Task<(KioskLinkRecord? Link, IResult? Refusal)> ReadCodeAsync(
        string code, HttpContext context, KioskTokens kioskTokens, UnauthenticatedAudit audit, KioskCodeAttempts attempts)
    {
        if (attempts.RetryAfter() is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (null, await RefuseKioskAsync(
                UnauthenticatedFailure.InvalidKioskCode, $"Too many wrong kiosk codes were tried: try again in {AgeText.Format(wait)}, or open the long kiosk link.",
                StatusCodes.Status429TooManyRequests, context, audit));
        }

        var (link, problem) = await kioskTokens.ReadShortCodeAsync(code, context.RequestAborted);
        if (link is null)
        {
            attempts.RecordFailure();
            return (null, await RefuseKioskAsync(UnauthenticatedFailure.InvalidKioskCode, problem!, StatusCodes.Status403Forbidden, context, audit));
        }

        return (link, null);
    }

    /// <summary>Nobody is signed in yet, so the refusal is audited at most once per address and kind per interval (<see cref="UnauthenticatedAudit"/>).</summary>
    private static async Task<IResult> RefuseKioskAsync(UnauthenticatedFailure kind, string problem, int status, HttpContext context, UnauthenticatedAudit audit)
    {
        var actor = Actor.Kiosk(kind == UnauthenticatedFailure.InvalidKioskLink ? "invalid link" : "invalid code");
        var source = AccountEndpoints.Source(context);
        await audit.AppendAsync(
            source,
            kind,
            suppressed => AuditEventDraft.For(actor.Name, "access.refused", null, new
            {
                operation = "OpenKioskLink",
                actorKind = actor.Kind.ToString(),
                roles = Array.Empty<string>(),
                reason = problem,
                source,
                suppressed = suppressed.Count,
                suppressedSince = suppressed.Since,
                note = suppressed.Note,
            }),
            context.RequestAborted);
        var text = System.Net.WebUtility.HtmlEncode(problem);
        return Results.Content(
            $"<!DOCTYPE html><html><head><title>Kiosk link refused</title></head><body><h1>Kiosk link refused</h1><p>{text}</p></body></html>",
            "text/html", statusCode: status);
    }

    /// <summary>A person signed in here is asked first; anyone else (nobody, another screen) becomes the screen at once.</summary>
    private static async Task<IResult> SignInOrAskAsync(KioskLinkRecord link, HttpContext context, KioskLinkStore links, IAntiforgery antiforgery)
    {
        var current = ActorResolver.From(context.User);
        if (current.Kind != ActorKind.Person)
        {
            return await SignInKioskAsync(link, context, links);
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        return Results.Content(KioskSwitchPage.Html(current.Name, link.Name, context.Request.Path.Value!, tokens.FormFieldName, tokens.RequestToken!), "text/html; charset=utf-8");
    }

    private static async Task<IResult> SignInKioskAsync(KioskLinkRecord link, HttpContext context, KioskLinkStore links)
    {
        await links.RecordOpenedAsync(link.Id, AccountEndpoints.Source(context), context.RequestAborted);
        await context.SignInAsync(AccessSchemes.Cookie, PersonPrincipals.For(link), new AuthenticationProperties
        {
            IsPersistent = true,
            AllowRefresh = true,
            ExpiresUtc = link.ExpiresAt ?? DateTimeOffset.UtcNow.AddDays(30),
        });
        return Results.Redirect("/warroom");
    }
}
