using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Integration.Tests.Access;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.InputLimits;

/// <summary>
/// Bounded bodies on the real Kestrel (docs/security.md, "Limits on input"): plans up to 256 KB, everything else up to
/// 64 KB, 413 with a clear message and nothing stored — whether the body says its length or comes in chunks.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class RequestBodyLimitApiTests(AccessTestApp access) : IClassFixture<AccessTestApp>
{
    private static string Plan(string id, string description) => JsonSerializer.Serialize(new
    {
        id,
        name = "Big",
        description,
        phases = new[] { new { name = "all", trafficPercent = 100, duration = "1h" } },
    });

    [Fact]
    public async Task CreatePlan_BodyOver256KB_Is413AndStoresNothing()
    {
        using var content = new StringContent(Plan("too-big-plan", new string('d', 300 * 1024)), Encoding.UTF8, "application/json");

        using var response = await access.Admin.PostAsync("/api/plans", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var listed = await access.Admin.GetAsync("/api/plans/too-big-plan");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.EndsWith("at most 262,144 bytes (256 KB). Nothing was stored.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, listed.StatusCode);
    }

    [Fact]
    public async Task CreatePlan_ChunkedBodyOver256KB_Is413AndStoresNothing()
    {
        // No Content-Length: only the server's own limit on what it reads can stop this one.
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Plan("chunked-plan", new string('d', 300 * 1024))));
        using var content = new StreamContent(stream);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/plans") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await access.Admin.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var listed = await access.Admin.GetAsync("/api/plans/chunked-plan");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.EndsWith("at most 262,144 bytes (256 KB). Nothing was stored.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, listed.StatusCode);
    }

    [Fact]
    public async Task CreatePlan_200KBBody_PassesTheBodyLimitAndMeetsTheLengthRule()
    {
        // Under the plan limit, over the default: the plan endpoint's own limit applies, and the length rules answer.
        using var content = new StringContent(Plan("roomy-plan", new string('d', 200 * 1024)), Encoding.UTF8, "application/json");

        using var response = await access.Admin.PostAsync("/api/plans", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("must be at most 2000 characters (this is 204800)", problem.GetProperty("errors").GetProperty("description")[0].GetString());
    }

    [Fact]
    public async Task Hold_100000CharacterReason_Is413AndTheRolloutKeepsRunning()
    {
        var id = await access.StartedRolloutAsync();

        using var response = await access.Admin.PostAsJsonAsync($"/api/rollouts/{id}/hold", new { reason = new string('r', 100_000) });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var after = await access.App.GetAsync($"/api/rollouts/{id}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 65,536 bytes (64 KB)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Running", after.GetProperty("currentState").GetString());
    }
}
