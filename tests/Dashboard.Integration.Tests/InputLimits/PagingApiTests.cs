using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Integration.Tests.Access;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.InputLimits;

/// <summary>
/// Lists come one page at a time (docs/rollouts-api.md, "Pages"): the body stays a JSON array, X-Next-Cursor names the
/// next page, and a page size over the maximum is refused, never clamped.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class PagingApiTests(AccessTestApp access) : IClassFixture<AccessTestApp>
{
    [Theory]
    [InlineData("/api/rollouts")]
    [InlineData("/api/rollouts/{id}/events")]
    [InlineData("/api/rollouts/{id}/incidents")]
    public async Task List_LimitOverTheMaximum_Is400NamingLimit(string path)
    {
        var id = await access.StartedRolloutAsync();

        using var response = await access.Admin.GetAsync(path.Replace("{id}", id.ToString(), StringComparison.Ordinal) + "?limit=1001&cursor=x");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.Equal("must be between 1 and 1000 (not 1001)", errors.GetProperty("limit")[0].GetString());
        Assert.StartsWith("is not a cursor this list gave", errors.GetProperty("cursor")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListEvents_FollowingTheCursor_GivesEveryEventOnceInOrder()
    {
        var id = await access.StartedRolloutAsync();
        await access.App.PostAsync($"/api/rollouts/{id}/hold", new { reason = "look" });
        await access.App.PostAsync($"/api/rollouts/{id}/resume", new { reason = "fine" });
        var whole = (await access.App.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();

        var paged = new List<long>();
        var pages = 0;
        string? cursor = null;
        do
        {
            using var response = await access.Admin.GetAsync($"/api/rollouts/{id}/events?limit=2" + (cursor is null ? string.Empty : $"&cursor={cursor}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.InRange(page.GetArrayLength(), 1, 2);
            paged.AddRange(page.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));
            cursor = response.Headers.TryGetValues("X-Next-Cursor", out var next) ? next.Single() : null;
            pages++;
        }
        while (cursor is not null && pages < 50);

        Assert.True(whole.Count > 2, $"only {whole.Count} events: the test needs more than one page");
        Assert.Equal(whole, paged);
        Assert.Equal((whole.Count + 1) / 2, pages);
    }
}
