using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Integration.Tests.Access;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.InputLimits;

/// <summary>Free text has a length cap; a 400 lists every field over it, as every validation problem of the API does.</summary>
[Collection(InfluxCollection.Name)]
public sealed class TextLengthApiTests(AccessTestApp access) : IClassFixture<AccessTestApp>
{
    private static string[] Fields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    // The plan here is also missing checkpoints and criteria; only the length problems are this test's.
    private static string[] TooLong(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject()
            .Where(p => p.Value.EnumerateArray().Any(m => m.GetString()!.StartsWith("must be at most", StringComparison.Ordinal)))
            .Select(p => p.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task CreatePlan_EveryTextTooLong_Is400ListingEachFieldAndStoresNothing()
    {
        var plan = JsonSerializer.Serialize(new
        {
            id = "long-texts",
            name = new string('n', 201),
            description = new string('d', 2001),
            phases = new[] { new { name = new string('p', 201), trafficPercent = 100, duration = "1h", expectedPopulation = new string('e', 2001) } },
        });
        using var content = new StringContent(plan, Encoding.UTF8, "application/json");

        using var response = await access.Admin.PostAsync("/api/plans", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var stored = await access.Admin.GetAsync("/api/plans/long-texts");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["description", "name", "phases[0].expectedPopulation", "phases[0].name"], TooLong(problem));
        Assert.Equal("must be at most 200 characters (this is 201)", problem.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task Reconcile_ReasonOver2000Characters_Is400NamingTheReason()
    {
        await access.StartedRolloutAsync();

        using var response = await access.Admin.PostAsJsonAsync("/api/routing/drift/reconcile", new { reason = new string('r', 10_000) });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["reason"], Fields(problem));
        Assert.Equal("must be at most 2000 characters (this is 10000)", problem.GetProperty("errors").GetProperty("reason")[0].GetString());
    }
}
