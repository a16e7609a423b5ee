using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Integration.Tests.Demo;

/// <summary>
/// The fault API over HTTP. InfluxDB is pointed at a closed port on purpose: the API and the host
/// must keep working while the simulator cannot write.
/// </summary>
public sealed class DemoFaultEndpointsTests : IAsyncLifetime
{
    private const string Faults = "/api/demo/faults";
    private static readonly Uri DeadInflux = new($"http://127.0.0.1:{FreePort.Next()}");

    private DemoTestApp? _app;

    private DemoTestApp App => _app ?? throw new InvalidOperationException("The app has not started.");

    public async Task InitializeAsync() => _app = await DemoTestApp.StartAsync(DemoTestApp.Settings(DeadInflux, "demo"));

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Post_ValidFault_Returns201WithTheFaultInCamelCase()
    {
        using var response = await App.Http.PostAsJsonAsync(Faults, new { kind = "errorSpike", magnitude = 5, durationSeconds = 300 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fault = body.RootElement;
        var id = fault.GetProperty("id").GetGuid();
        Assert.Equal("errorSpike", fault.GetProperty("kind").GetString());
        Assert.Equal(5, fault.GetProperty("magnitude").GetDouble());
        Assert.Equal(TimeSpan.FromSeconds(300), fault.GetProperty("endsAt").GetDateTimeOffset() - fault.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal($"{Faults}/{id}", response.Headers.Location?.OriginalString);
        Assert.Contains(App.Services.GetRequiredService<DemoFaultBoard>().Active, f => f.Id == id && f.Kind == FaultKind.ErrorSpike);
    }

    [Fact]
    public async Task Post_NegativeMagnitudeAndZeroDuration_Returns400ListingBothAndInjectsAndAuditsNothing()
    {
        using var response = await App.Http.PostAsJsonAsync(Faults, new { kind = "errorSpike", magnitude = -5, durationSeconds = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Equal(["durationSeconds", "magnitude"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("must be greater than 0 and at most 100 (percent), not -5", errors["magnitude"][0]);
        Assert.Equal("must be greater than 0", errors["durationSeconds"][0]);
        Assert.Empty(App.Services.GetRequiredService<DemoFaultBoard>().Active);
        Assert.DoesNotContain(await App.Services.GetRequiredService<AuditLog>().ReadAsync(), e => e.Kind == "demo.faultInjected");
    }

    [Fact]
    public async Task Post_EverythingWrong_Returns400ProblemListingEveryField()
    {
        using var response = await App.Http.PostAsJsonAsync(Faults, new { kind = "meteorStrike", magnitude = -1, durationSeconds = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = await ErrorsAsync(response);
        Assert.Equal(["durationSeconds", "kind", "magnitude"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("meteorStrike", errors["kind"][0], StringComparison.Ordinal);
        Assert.Contains("errorSpike", errors["kind"][0], StringComparison.Ordinal);
        Assert.Empty(App.Services.GetRequiredService<DemoFaultBoard>().Active);
    }

    [Theory]
    [InlineData("errorSpike", 101, 60, "magnitude")]
    [InlineData("availabilityDip", 100.5, 60, "magnitude")]
    [InlineData("revenueDrop", 0, 60, "magnitude")]
    [InlineData("latencyRegression", 1, 60, "magnitude")]
    [InlineData("latencyRegression", 1000, 60, "magnitude")]
    [InlineData("errorSpike", 5, -5, "durationSeconds")]
    [InlineData("errorSpike", 5, 86_401, "durationSeconds")]
    public async Task Post_OutOfRangeValue_Returns400NamingTheField(string kind, double magnitude, double durationSeconds, string field)
    {
        using var response = await App.Http.PostAsJsonAsync(Faults, new { kind, magnitude, durationSeconds });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await ErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task Post_EmptyObject_Returns400RequiringEveryField()
    {
        using var response = await App.Http.PostAsJsonAsync(Faults, new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, (await ErrorsAsync(response)).Count);
    }

    [Fact]
    public async Task Get_ListsTheActiveFaults()
    {
        var spike = await InjectAsync("errorSpike", 3);
        var slow = await InjectAsync("latencyRegression", 2.5);

        var faults = await App.Http.GetFromJsonAsync<JsonElement>(Faults);

        var listed = faults.EnumerateArray().Select(f => (f.GetProperty("id").GetGuid(), f.GetProperty("kind").GetString())).ToList();
        Assert.Equal(2, listed.Count);
        Assert.Contains((spike, "errorSpike"), listed);
        Assert.Contains((slow, "latencyRegression"), listed);
    }

    [Fact]
    public async Task DeleteById_ActiveFault_Returns204AndEndsIt()
    {
        var doomed = await InjectAsync("availabilityDip", 2);
        var kept = await InjectAsync("revenueDrop", 10);

        using var response = await App.Http.DeleteAsync($"{Faults}/{doomed}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([kept], App.Services.GetRequiredService<DemoFaultBoard>().Active.Select(f => f.Id));
    }

    [Fact]
    public async Task DeleteById_UnknownFault_Returns404()
    {
        using var response = await App.Http.DeleteAsync($"{Faults}/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DeleteAll_Returns204AndClearsEveryFault()
    {
        await InjectAsync("errorSpike", 3);
        await InjectAsync("revenueDrop", 10);

        using var response = await App.Http.DeleteAsync(Faults);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await App.Http.GetFromJsonAsync<JsonElement[]>(Faults) ?? []);
    }

    [Fact]
    public async Task Inject_WithoutTheOperatorRole_IsRefusedAndAudited_AndAnonymousIsAskedToSignIn()
    {
        using var lead = await App.WithKeyAsync("lead-key", Dashboard.Web.Features.Access.WarRoomRole.EngineeringLead);

        using var refused = await lead.PostAsJsonAsync(Faults, new { kind = "errorSpike", magnitude = 5, durationSeconds = 300 });
        using var anonymous = await App.Anonymous.PostAsJsonAsync(Faults, new { kind = "errorSpike", magnitude = 5, durationSeconds = 300 });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Empty(App.Services.GetRequiredService<DemoFaultBoard>().Active);
        var audit = await App.Services.GetRequiredService<Dashboard.Infrastructure.Persistence.Audit.AuditLog>().ReadAsync();
        Assert.Contains(audit, e => e.Kind == "access.refused" && e.Actor == "api key 'lead-key'" && e.PayloadJson.Contains("InjectFault", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Endpoints_DemoDisabled_AreNotMapped()
    {
        await using var app = await DemoTestApp.StartAsync(DemoTestApp.Settings(DeadInflux, "demo", demoEnabled: false));

        using var response = await app.Http.PostAsJsonAsync(Faults, new { kind = "errorSpike", magnitude = 5, durationSeconds = 300 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(app.Services.GetService<DemoTrafficSimulator>());
    }

    private async Task<Guid> InjectAsync(string kind, double magnitude)
    {
        using var response = await App.Http.PostAsJsonAsync(Faults, new { kind, magnitude, durationSeconds = 600 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>() ?? [];
    }
}
