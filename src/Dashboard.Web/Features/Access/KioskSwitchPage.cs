using System.Net;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// The small page a kiosk link shows in a browser where a person is signed in: it says whose session the link would
/// end and posts back only when the person confirms. Plain HTML without scripts (the content security policy allows
/// none inline); it fits a phone.
/// </summary>
public static class KioskSwitchPage
{
    public static string Html(string personName, string linkName, string path, string antiforgeryField, string antiforgeryToken)
    {
        var person = WebUtility.HtmlEncode(personName);
        var link = WebUtility.HtmlEncode(linkName);
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Open the kiosk link?</title></head>
            <body style="font-family: system-ui, sans-serif; max-width: 34rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
            <h1 style="font-size: 1.4rem">Turn this browser into a war-room screen?</h1>
            <p>You are signed in as <strong>{person}</strong>. Opening the kiosk link <strong>{link}</strong> signs you out in this
            browser and shows the read-only war room instead.</p>
            <form method="post" action="{WebUtility.HtmlEncode(path)}">
            <input type="hidden" name="{WebUtility.HtmlEncode(antiforgeryField)}" value="{WebUtility.HtmlEncode(antiforgeryToken)}">
            <input type="hidden" name="confirm" value="yes">
            <button type="submit" data-testid="kiosk-switch-confirm" style="min-height: 44px; padding: 0 1rem; font-size: 1rem">Sign out and open the screen</button>
            </form>
            <p><a href="/" data-testid="kiosk-switch-cancel" style="display: inline-block; min-height: 44px; line-height: 44px">Stay signed in as {person}</a></p>
            </body></html>
            """;
    }
}
