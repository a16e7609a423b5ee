using System.Net;
using System.Net.Http.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.RateLimits;

/// <summary>
/// The rate limits through the real app (child process, real HTTP): per client address on the anonymous doors,
/// per caller on the expensive reads, 429 with <c>Retry-After</c> once a budget is spent. Each test has its own app
/// with small limits and a 10-minute window, so a budget cannot refill while the test runs.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class RateLimitAppTests(InfluxServerFixture influx)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private static readonly string[] OperatorRole = ["Operator"];

    [Fact]
    public async Task AnonymousDoors_PastTheAddressLimit_Answer429WithRetryAfter_WhileOtherPagesStayOpen()
    {
        // The admin's own sign-in spends the first of the address's 4 requests.
        await using var app = await RolloutApiApp.StartAsync(influx.Url, extra: Limits(address: 4, expensive: 100));
        using var anonymous = WarRoomSignIn.NewClient(app.Url);

        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/kiosk/not-a-link")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/k/ZZZZ-ZZZZ")).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/setup?token=junk")).StatusCode);
        var limited = await anonymous.PostAsync("/account/sign-in", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), Window);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/kiosk/another")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("/api/rollouts")).StatusCode);
    }

    [Fact]
    public async Task ExpensiveReads_PastTheCallerLimit_Answer429WithRetryAfter_AndAnotherCallerKeepsItsOwnBudget()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url, extra: Limits(address: 100, expensive: 3));
        var rollout = await app.CreateRolloutAsync();
        using (var created = await app.Http.PostAsJsonAsync("/api/admin/people", new { userName = "olive", displayName = "Olive", password = TestPeople.Password, roles = OperatorRole }))
        {
            await app.ReadAsync(created, HttpStatusCode.Created);
        }

        using var olive = await WarRoomSignIn.SignInAsync(app.Url, "olive", TestPeople.Password);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await app.Http.GetAsync("/api/metrics/snapshot?window=36h")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync($"/api/rollouts/{rollout}/events/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.PostAsync("/api/routing/drift/check", null)).StatusCode);
        var limited = await app.Http.GetAsync($"/api/rollouts/{rollout}/events/verify");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), Window);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await app.Http.GetAsync("/api/metrics/snapshot?window=5m")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await olive.GetAsync($"/api/rollouts/{rollout}/events/verify")).StatusCode);
    }

    private static Dictionary<string, string> Limits(int address, int expensive) => new()
    {
        ["RateLimits__Address__PermitLimit"] = address.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits__Address__Window"] = Window.ToString(),
        ["RateLimits__ExpensiveReads__PermitLimit"] = expensive.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits__ExpensiveReads__Window"] = Window.ToString(),
    };
}
