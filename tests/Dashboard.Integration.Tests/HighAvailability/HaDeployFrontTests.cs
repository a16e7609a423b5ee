using System.Net;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// The shipped front of the app instances (<c>deploy/ha/haproxy.cfg</c>, in a real haproxy) with two stand-in
/// instances whose readiness the test switches: stickiness, moving off an instance that is not ready, the fallback
/// when none is, and forwarded headers the app can believe. The browser side is <c>StickyFailoverTests</c> (E2E).
/// </summary>
public sealed class HaDeployFrontTests
{
    private static readonly TimeSpan CheckWindow = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Front_SetsTheStickyCookie_KeepsTheClientOnOneInstance_AndMovesItWhenThatOneIsNotReady()
    {
        await using var one = await ReadinessBackend.StartAsync("one");
        await using var two = await ReadinessBackend.StartAsync("two");
        await using var front = await HaproxyFront.StartAsync(one.Url, two.Url);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = front.Url };

        var first = await client.GetStringAsync("/");
        var (serving, other) = first == one.Name ? (one, two) : (two, one);
        var cookie = handler.CookieContainer.GetCookies(front.Url)[HaproxyFront.StickyCookie];
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(CookieValueOf(serving, one), cookie.Value);
        for (var i = 0; i < 6; i++)
        {
            // Round robin alone would alternate; the cookie keeps every request on the first instance.
            Assert.Equal(serving.Name, await client.GetStringAsync("/rollouts"));
        }

        serving.Ready = false;
        await Eventually.UntilAsync(
            async () => await client.GetStringAsync("/") == other.Name,
            CheckWindow,
            "the front sends the client to the instance that is still ready",
            () => front.Output);
        Assert.Equal(CookieValueOf(other, one), handler.CookieContainer.GetCookies(front.Url)[HaproxyFront.StickyCookie]?.Value);
    }

    [Fact]
    public async Task Front_WhenNoInstanceIsReady_StillServesPagesFromAnInstanceThatIsAlive()
    {
        await using var one = await ReadinessBackend.StartAsync("one");
        await using var two = await ReadinessBackend.StartAsync("two");
        await using var front = await HaproxyFront.StartAsync(one.Url, two.Url);
        using var client = new HttpClient { BaseAddress = front.Url };

        one.Ready = false;
        two.Ready = false;
        // Both readiness checks fail (as when InfluxDB is down for every instance): the page that says so must
        // still be served instead of HAProxy's 503. Wait until HAProxy has marked both down, then ask.
        await Eventually.UntilAsync(
            () => front.Output.Contains("backend warroom has no server available", StringComparison.Ordinal),
            CheckWindow,
            "haproxy marks both instances not ready",
            () => front.Output);
        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await response.Content.ReadAsStringAsync(), new[] { one.Name, two.Name });
    }

    [Fact]
    public async Task Front_ReplacesTheClientsOwnForwardedHeaders()
    {
        await using var one = await ReadinessBackend.StartAsync("one");
        await using var two = await ReadinessBackend.StartAsync("two");
        await using var front = await HaproxyFront.StartAsync(one.Url, two.Url);
        using var client = new HttpClient { BaseAddress = front.Url };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);
        var backend = await response.Content.ReadAsStringAsync() == one.Name ? one : two;

        // The app reads one hop (ForwardLimit 1): a client's forged address must not be that hop.
        Assert.Equal(["127.0.0.1"], backend.LastForwardedFor);
        Assert.Equal(["http"], backend.LastForwardedProto);
    }

    private static string CookieValueOf(ReadinessBackend backend, ReadinessBackend first) =>
        backend == first ? HaproxyFront.FirstServer : HaproxyFront.SecondServer;
}
