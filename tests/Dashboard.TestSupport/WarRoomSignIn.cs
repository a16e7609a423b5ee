using System.Net;
using System.Text.RegularExpressions;

namespace Dashboard.TestSupport;

/// <summary>
/// Signs in through the real sign-in form, as a browser does: GET <c>/sign-in</c> for the antiforgery token and
/// cookie, POST the form, keep the session cookie. The client is the person from then on.
/// </summary>
public static partial class WarRoomSignIn
{
    public static async Task<HttpClient> SignInAsync(Uri baseUrl, string userName, string password, CancellationToken cancellationToken = default)
    {
        var (client, response) = await TrySignInAsync(baseUrl, userName, password, cancellationToken);
        using (response)
        {
            var location = response.Headers.Location?.ToString() ?? string.Empty;
            if (response.StatusCode != HttpStatusCode.Redirect || location.Contains("/sign-in", StringComparison.Ordinal))
            {
                client.Dispose();
                throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode} → {Uri.UnescapeDataString(location)}");
            }
        }

        return client;
    }

    /// <summary>Posts the sign-in form and returns the client with whatever cookies it got, and the raw answer (a redirect).</summary>
    public static async Task<(HttpClient Client, HttpResponseMessage Response)> TrySignInAsync(
        Uri baseUrl, string userName, string password, CancellationToken cancellationToken = default)
    {
        var client = NewClient(baseUrl);
        var form = await client.GetStringAsync(new Uri("/sign-in", UriKind.Relative), cancellationToken);
        if (AntiforgeryTokenOf(form) is not { } token)
        {
            client.Dispose();
            throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        }

        var response = await PostSignInFormAsync(client, token, userName, password, "/", cancellationToken);
        return (client, response);
    }

    /// <summary>Posts the sign-in form with <paramref name="token"/> (from the page's form, on the same client) and returns the raw answer.</summary>
    public static async Task<HttpResponseMessage> PostSignInFormAsync(
        HttpClient client, string token, string userName, string password, string returnUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        });
        return await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), body, cancellationToken);
    }

    /// <summary>
    /// The message the sign-in page shows at <paramref name="location"/> (where a failed sign-in was sent; the message
    /// travels protected in the URL), or null when the page shows none.
    /// </summary>
    public static async Task<string?> SignInErrorAsync(Uri baseUrl, string location, CancellationToken cancellationToken = default)
    {
        using var client = NewClient(baseUrl);
        var page = await client.GetStringAsync(new Uri(location, UriKind.RelativeOrAbsolute), cancellationToken);
        var match = SignInError().Match(page);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests look at them).</summary>
    public static HttpClient NewClient(Uri baseUrl) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>The antiforgery token of a page's form (<c>__RequestVerificationToken</c>), or null when it has none.</summary>
    public static string? AntiforgeryTokenOf(string html) =>
        AntiforgeryToken().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    [GeneratedRegex("data-testid=\"sign-in-error\">([^<]*)<")]
    private static partial Regex SignInError();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
