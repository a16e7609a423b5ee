using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Monitoring;

/// <summary>
/// The health-check lists page like the other lists (docs/rollouts-api.md, "Pages"), through the real app on a state
/// store the test filled: every check once, in order, even while new checks are recorded at the top.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class HealthCheckPagingApiTests(InfluxServerFixture influx)
{
    private static readonly DateTimeOffset Yesterday = DateTimeOffset.UtcNow.AddDays(-1);

    [Fact]
    public async Task FollowingTheNextLink_GivesEveryCheckOnceInOrder_WhileNewChecksArriveAtTheTop()
    {
        await using var store = await TestStateStore.CreateAsync();
        var checks = store.Get<HealthCheckStore>();

        // 22 checks a minute apart, and 4 more that ran at the same instant (the order then falls back to the id).
        var seeded = new List<Guid>();
        for (var i = 0; i < 26; i++)
        {
            seeded.Add(await AddAsync(checks, Yesterday.AddMinutes(-Math.Min(i, 22))));
        }

        await using var app = await RolloutApiApp.StartAsync(influx.Url, store.DatabasePath);
        var whole = Ids(await app.GetAsync("/api/health-checks?cadence=Close&limit=1000"));
        Assert.Equal(seeded.Order(), whole.Order());

        var paged = new List<Guid>();
        var pages = 0;
        var next = "/api/health-checks?cadence=Close&limit=4";
        while (next is not null && pages < 20)
        {
            using var response = await app.Http.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = Ids(await response.Content.ReadFromJsonAsync<JsonElement>());
            Assert.InRange(page.Count, 1, 4);
            paged.AddRange(page);
            pages++;

            // A newer check lands at the top between two pages: it must not push a row of the next page back into it.
            await AddAsync(checks, DateTimeOffset.UtcNow);
            next = response.Headers.TryGetValues("Link", out var link) ? NextOf(link.Single(), response.Headers.GetValues("X-Next-Cursor").Single()) : null;
        }

        Assert.Equal(whole, paged);
        Assert.Equal(7, pages);
    }

    [Theory]
    [InlineData("/api/health-checks")]
    [InlineData("/api/rollouts/{id}/health-checks")]
    public async Task List_LimitOverTheMaximumAndACursorItDidNotGive_Is400NamingBoth(string path)
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);
        var id = await app.CreateRolloutAsync();

        using var response = await app.Http.GetAsync(path.Replace("{id}", id.ToString(), StringComparison.Ordinal) + "?limit=1001&cursor=12");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("must be between 1 and 1000 (not 1001)", errors.GetProperty("limit")[0].GetString());
        Assert.StartsWith("is not a cursor this list gave", errors.GetProperty("cursor")[0].GetString(), StringComparison.Ordinal);
    }

    private static async Task<Guid> AddAsync(HealthCheckStore checks, DateTimeOffset ranAt)
    {
        var record = new HealthCheckRecord
        {
            Id = Guid.NewGuid(),
            Cadence = "Close",
            WindowStart = ranAt.AddMinutes(-15),
            WindowEnd = ranAt,
            DueAt = ranAt,
            RanAt = ranAt,
            OverallVerdict = "Pass",
            Summary = "seeded",
            MetricsJson = "[]",
        };
        await checks.AddAsync(record, audit: null);
        return record.Id;
    }

    /// <summary>The next page's path from the Link header, which must carry the cursor X-Next-Cursor names and keep the filter.</summary>
    private static string NextOf(string link, string cursor)
    {
        var target = link[(link.IndexOf('<', StringComparison.Ordinal) + 1)..link.IndexOf('>', StringComparison.Ordinal)];
        Assert.EndsWith("rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Equal($"/api/health-checks?cadence=Close&limit=4&cursor={cursor}", target);
        return target;
    }

    private static List<Guid> Ids(JsonElement list) => [.. list.EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
}
