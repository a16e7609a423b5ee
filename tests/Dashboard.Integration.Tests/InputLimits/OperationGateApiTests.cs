using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Integration.Tests.Access;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.InputLimits;

/// <summary>
/// The caller's role is checked before the body is read (docs/security.md, "Limits on input"), and the expensive
/// checks — verifying the whole audit chain, reading the router now — are for operators; each refusal is audited.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class OperationGateApiTests(AccessTestApp access) : IClassFixture<AccessTestApp>
{
    private static readonly string[] ViewerOnly = ["Viewer"];

    [Fact]
    public async Task CreatePlan_ViewerWith200KBBody_Is403BeforeTheBodyIsSent()
    {
        var (_, token) = await access.CreateApiKeyAsync("plan-viewer", ViewerOnly);
        // "Expect: 100-continue": the client sends the body only once the server starts reading it, so a body never
        // pulled proves the server answered without reading it. The wait is long so the client never sends it unasked.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(2) };
        using var client = new HttpClient(handler) { BaseAddress = access.Url };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var content = new CountingContent(200 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/plans") { Content = content };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.EndsWith("'plan-viewer' may not create plan: it needs the Operator role.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, content.BytesSent);
        var refusal = Assert.Single(await access.AuditAsync("access.refused"), e => e.Actor.Contains("plan-viewer", StringComparison.Ordinal));
        Assert.Equal("CreatePlan", refusal.Payload.GetProperty("operation").GetString());
    }

    [Fact]
    public async Task VerifyAuditChain_Viewer_Is403AndAudited_OperatorVerifies()
    {
        var id = await access.StartedRolloutAsync();
        using var viewer = await access.PersonAsync("vic", "Viewer");

        using var refused = await viewer.GetAsync($"/api/rollouts/{id}/events/verify");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var verified = await access.App.GetAsync($"/api/rollouts/{id}/events/verify");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("vic may not verify audit chain: it needs the Operator role.", problem.GetProperty("detail").GetString());
        var refusal = Assert.Single(await access.AuditAsync("access.refused"), e => e.Actor == "vic");
        Assert.Equal("VerifyAuditChain", refusal.Payload.GetProperty("operation").GetString());
        Assert.True(verified.GetProperty("isIntact").GetBoolean());
    }

    [Fact]
    public async Task CheckTrafficDrift_Lead_Is403AndAudited_OperatorChecks()
    {
        using var lead = await access.PersonAsync("lena", "EngineeringLead");

        using var refused = await lead.PostAsJsonAsync("/api/routing/drift/check", new { });
        var (status, report) = await access.App.PostAsync("/api/routing/drift/check", new { });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var refusal = Assert.Single(await access.AuditAsync("access.refused"), e => e.Actor == "lena");
        Assert.Equal("CheckTrafficDrift", refusal.Payload.GetProperty("operation").GetString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual("NotChecked", report.GetProperty("kind").GetString());
    }

    /// <summary>A JSON-looking body of a given size that counts how much of it the client was asked to send.</summary>
    private sealed class CountingContent(int size) : HttpContent
    {
        private int _sent;

        public int BytesSent => Volatile.Read(ref _sent);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[8192];
            Array.Fill(chunk, (byte)' ');
            for (var left = size; left > 0; left -= chunk.Length)
            {
                var length = Math.Min(left, chunk.Length);
                Interlocked.Add(ref _sent, length);
                await stream.WriteAsync(chunk.AsMemory(0, length));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = size;
            return true;
        }
    }
}
