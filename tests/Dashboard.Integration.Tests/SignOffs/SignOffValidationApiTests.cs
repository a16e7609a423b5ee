using System.Net;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.SignOffs;

/// <summary><c>POST …/phases/{i}/sign-offs</c> through the real app: a wrong sign-off is a 400 listing each problem, and nothing is recorded.</summary>
[Collection(InfluxCollection.Name)]
public sealed class SignOffValidationApiTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task SignOff_UnknownDecisionAndTooLongComment_Is400ListingBothAndRecordsNothing()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);
        var id = await app.CreateRolloutAsync();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });

        var (status, problem) = await app.PostAsync(
            $"/api/rollouts/{id}/phases/0/sign-offs", new { role = "EngineeringLead", decision = "MAYBE", comment = new string('c', 2001) });
        var gate = await app.GetAsync($"/api/rollouts/{id}/phases/0/gate");
        var kinds = (await app.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray().Select(e => e.GetProperty("kind").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["comment", "decision"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("comment is longer than 2000 characters (2001)", errors.GetProperty("comment")[0].GetString());
        Assert.Equal(0, gate.GetProperty("signOffs").GetArrayLength());
        Assert.DoesNotContain("signOff.recorded", kinds);
    }
}
