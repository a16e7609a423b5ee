namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// A browser at <see cref="ClientAddress"/> reaching the app through a proxy that adds <c>X-Forwarded-For</c> (and
/// <c>X-Forwarded-Proto: https</c> when the browser used https). It keeps every cookie it is given, Secure ones too,
/// as a browser on https would; <see cref="SetCookies"/> holds the raw <c>Set-Cookie</c> lines it saw.
/// </summary>
public sealed class ProxiedBrowser : DelegatingHandler
{
    private readonly Dictionary<string, string> _cookies = [];

    private ProxiedBrowser(string clientAddress, bool https)
        : base(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        ClientAddress = clientAddress;
        Https = https;
    }

    public string ClientAddress { get; }

    public bool Https { get; }

    public List<string> SetCookies { get; } = [];

    /// <summary>A client for <paramref name="url"/> as a browser at <paramref name="clientAddress"/>; dispose the client only.</summary>
    public static (HttpClient Client, ProxiedBrowser Browser) Open(Uri url, string clientAddress, bool https)
    {
        var browser = new ProxiedBrowser(clientAddress, https);
        return (new HttpClient(browser) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) }, browser);
    }

    /// <summary>The last <c>Set-Cookie</c> line starting with <paramref name="prefix"/> (<c>warroom.session=</c>, <c>.AspNetCore.Antiforgery.</c>).</summary>
    public string SetCookie(string prefix) =>
        SetCookies.LastOrDefault(line => line.StartsWith(prefix, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No cookie {prefix}… was set; got: {string.Join(" | ", SetCookies)}");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("X-Forwarded-For", ClientAddress);
        if (Https)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        foreach (var line in response.Headers.TryGetValues("Set-Cookie", out var lines) ? lines : [])
        {
            SetCookies.Add(line);
            var pair = line.Split(';', 2)[0];
            var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            if (value.Length == 0 || line.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }

        return response;
    }
}
