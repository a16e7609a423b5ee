using System.Net;
using System.Net.Http.Json;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// An unsafe call that carries the session cookie but comes from another site (<c>Sec-Fetch-Site</c>, or <c>Origin</c>
/// from browsers that do not send it) is refused with 403 and audited; same-origin calls, API keys and reads are not
/// affected. Real app (child process, real HTTP pipeline).
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class CrossSiteRequestAppTests(AccessTestApp access) : IClassFixture<AccessTestApp>
{
    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    public async Task UnsafeCallFromAnotherSite_WithTheSessionCookie_Is403AndAudited(string header, string value)
    {
        using var operatorClient = await access.PersonAsync($"xsite-{Guid.NewGuid():N}"[..20], "Operator");

        using var response = await CreateRolloutAsync(operatorClient, (header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await access.AuditAsync("access.refused"), e =>
            e.Payload.GetProperty("operation").GetString() == "POST /api/rollouts"
            && e.Payload.GetProperty("reason").GetString()!.Contains($"{header}: {value}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnsafeCallFromTheAppsOwnPages_GoesThrough()
    {
        var origin = access.Url.GetLeftPart(UriPartial.Authority);

        using var fetched = await CreateRolloutAsync(access.Admin, ("Sec-Fetch-Site", "same-origin"), ("Origin", origin));
        using var olderBrowser = await CreateRolloutAsync(access.Admin, ("Origin", origin));

        Assert.Equal(HttpStatusCode.Created, fetched.StatusCode);
        Assert.Equal(HttpStatusCode.Created, olderBrowser.StatusCode);
    }

    [Fact]
    public async Task UnsafeCallWithAnApiKey_IsNotCheckedForItsSite()
    {
        var (_, token) = await access.CreateApiKeyAsync("xsite-automation", ["Operator"]);
        using var automation = AccessTestApp.WithKey(access.Url, token);

        using var response = await CreateRolloutAsync(automation, ("Sec-Fetch-Site", "cross-site"), ("Origin", "http://ci.example"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task ReadFromAnotherSite_WithTheSessionCookie_IsAnswered()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rollouts");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await access.Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<HttpResponseMessage> CreateRolloutAsync(HttpClient client, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/rollouts")
        {
            Content = JsonContent.Create(new { service = "analyzer", baselineVersion = "1.4.0", candidateVersion = "1.5.0", planId = "three-phase", reason = "cross-site test" }),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return client.SendAsync(request);
    }
}
