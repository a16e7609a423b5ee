using System.Text.Json;
using Dashboard.Core.Guardrails;
using Dashboard.Web.Features.Guardrails;
using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Guardrails;

/// <summary>
/// <c>GET /api/guardrails/status</c> as Program.cs wires it (the app's wire JSON, the endpoint mapping), served by Kestrel
/// on loopback: the evidence of each count-ratio condition is on the wire with every field, its state and the new reading
/// by name; a value rule's evidence is null; the phase run's judged start is there.
/// </summary>
public sealed class GuardrailStatusApiTests
{
    private static readonly string[] EvidenceFields =
    [
        "condition", "signal", "state", "since", "canaryTrials", "canaryEvents", "baselineTrials", "baselineEvents", "limitPct",
        "canaryRatePct", "canaryRateLowerPct", "canaryRateUpperPct", "ratio", "ratioLower", "ratioUpper", "secondsToCall",
        "minimumTrials", "ignoredIntervals", "healthyProvenAt",
    ];

    [Fact]
    public async Task Status_WithEvidence_NamesStatesAndReadingsAndCarriesEveryEvidenceField()
    {
        var board = new GuardrailStatusBoard(NullLogger<GuardrailStatusBoard>.Instance);
        var id = Guid.NewGuid();
        var revenue = new GuardrailRuleStatus(
            "trigger:3", GuardrailKind.RollbackTrigger, "Revenue impact < -5 %", "roll back", GuardrailReading.Clean, 0, 3, null,
            new Dictionary<string, double?> { ["revenueImpactPct"] = 1.2 });
        board.PublishPoll(EvidenceMeterTests.Poll(id, "canary",
            new GuardrailRuleStatus("trigger:0", GuardrailKind.RollbackTrigger, "Error rate > 1.5 %", "roll back", GuardrailReading.NotEnoughEvidence, 0, 3, null,
                new Dictionary<string, double?>(), null, [EvidenceMeterTests.Undecided]),
            revenue));
        await using var app = await StartAsync(board);

        using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };
        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/guardrails/status"));

        var rollout = json.RootElement.GetProperty("rollouts")[0];
        Assert.Equal("2026-12-01T19:40:05+00:00", rollout.GetProperty("judgedFrom").GetString());
        var rule = rollout.GetProperty("rules")[0];
        Assert.Equal("NotEnoughEvidence", rule.GetProperty("reading").GetString());
        var evidence = rule.GetProperty("evidence")[0];
        Assert.Equal(EvidenceFields, evidence.EnumerateObject().Select(p => p.Name));
        Assert.Equal("NotEnoughEvidence", evidence.GetProperty("state").GetString());
        Assert.Equal(2_400, evidence.GetProperty("canaryTrials").GetInt64());
        Assert.Equal(30, evidence.GetProperty("baselineEvents").GetInt64());
        Assert.Equal(40, evidence.GetProperty("secondsToCall").GetDouble());
        Assert.Equal(JsonValueKind.Null, evidence.GetProperty("healthyProvenAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, rollout.GetProperty("rules")[1].GetProperty("evidence").ValueKind);
    }

    private static async Task<WebApplication> StartAsync(GuardrailStatusBoard board)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddWireJson();
        builder.Services.AddSingleton(board);
        var app = builder.Build();
        app.MapGuardrailEndpoints();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        return app;
    }

    // After the start, the address Kestrel bound, with the port it chose.
    private static string Address(WebApplication app) => app.Urls.Single();
}
