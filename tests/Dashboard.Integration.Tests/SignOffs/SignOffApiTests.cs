using System.Net;
using System.Net.Http.Json;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Integration.Tests.Persistence;
using Dashboard.Integration.Tests.Rollouts;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.SignOffs;

/// <summary>The sign-off API through the real app on a state store that already holds a started rollout.</summary>
[Collection(InfluxCollection.Name)]
public sealed class SignOffApiTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task Gate_IsReadable_AndAnAnonymousSignOffOrTick_Is403AndAudited()
    {
        await using var store = await TestStateStore.CreateAsync();
        var (rollout, _) = await StoredRollouts.StartedAsync(store);
        await using var app = await RolloutApiApp.StartAsync(influx.Url, store.DatabasePath);

        var gate = await app.GetAsync($"/api/rollouts/{rollout.Id}/phases/0/gate");
        var (signStatus, signed) = await app.PostAsync(
            $"/api/rollouts/{rollout.Id}/phases/0/sign-offs", new { role = "EngineeringLead", decision = "GO", comment = "fine" });
        using var tick = await app.Http.PutAsJsonAsync($"/api/rollouts/{rollout.Id}/phases/0/checklist/canary-stable", new { ticked = true });
        using var missing = await app.Http.GetAsync($"/api/rollouts/{rollout.Id}/phases/7/gate");

        Assert.Equal(("canary", "SignOff", false, "Running"), (gate.GetProperty("phaseName").GetString(), gate.GetProperty("kind").GetString(), gate.GetProperty("isOpen").GetBoolean(), gate.GetProperty("phaseState").GetString()));
        Assert.Equal(["EngineeringLead", "OperationsLead"], gate.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()));
        Assert.Equal(6, gate.GetProperty("checklist").GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, signStatus);
        Assert.Contains("Sign in first", signed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, tick.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var refused = (await store.Get<AuditLog>().ReadAsync(rollout.Id)).Where(e => e.Kind == "access.refused").ToList();
        Assert.Equal(2, refused.Count);
        Assert.DoesNotContain(await store.Get<AuditLog>().ReadAsync(rollout.Id), e => e.Kind is "signOff.recorded" or "checklist.itemTicked");
    }
}
