using System.Net;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// One Data Protection key ring for every instance (kept in PostgreSQL, docs/high-availability.md#settings): the sign-in
/// cookie A issued opens B, so a browser that the front moves to the other instance stays signed in.
/// </summary>
[Collection(InfluxPostgresRedisCollection.Name)]
public sealed class SharedSignInTests(InfluxServerFixture influx, PostgresServerFixture postgres, RedisServerFixture redis)
{
    [Fact]
    public async Task CookieIssuedByA_IsAcceptedByB_AndWithoutItBRefuses()
    {
        await using var pair = await HighAvailabilityPair.StartAsync(influx.Server, postgres.Server, bus: redis.Server);
        // The client signed in on A holds only A's cookie; loopback cookies are not told apart by port, so it goes to B too.
        var onB = new Uri(pair.B.Url, "/api/rollouts");
        using var anonymous = new HttpClient();

        using var withACookie = await pair.A.Http.GetAsync(onB);
        using var withoutCookie = await anonymous.GetAsync(onB);

        Assert.Equal(HttpStatusCode.OK, withACookie.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCookie.StatusCode);
    }
}
