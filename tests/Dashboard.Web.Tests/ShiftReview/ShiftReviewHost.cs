using Dashboard.Core.Guardrails;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Guardrails;
using Dashboard.Web.Features.ShiftReview;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.ShiftReview;

/// <summary>The bUnit host with the handoff review's services and the guardrails' near-miss recorder, and short-hands that write history.</summary>
internal static class ShiftReviewHost
{
    public static Task<AppTestHost> CreateAsync(TestUser? user = null) =>
        AppTestHost.CreateAsync(user, services =>
        {
            services.AddShiftReview();
            services.AddSingleton<GuardrailNearMissRecorder>();
        });

    /// <summary>The first trigger of the rollout's phase breached for <paramref name="counts"/> polls of one streak since <paramref name="since"/>, recorded as the monitor does.</summary>
    public static async Task RecordStreakAsync(AppTestHost host, Rollout rollout, DateTimeOffset since, params int[] counts)
    {
        var observation = GuardrailEvaluator.Observe(rollout.CurrentPhase, _ => 99.0).First(o => o.Rule.Kind == GuardrailKind.RollbackTrigger);
        foreach (var count in counts)
        {
            await host.Get<GuardrailNearMissRecorder>().StreakGrewAsync(rollout, observation, new GuardrailStreak(observation.Rule.Id, count, since, false), 3, CancellationToken.None);
        }
    }

    /// <summary>A checkpoint verdict as <c>CheckpointVerdictStore</c> audits it.</summary>
    public static Task RecordVerdictAsync(AppTestHost host, Guid rolloutId, string checkpoint, string verdict) =>
        host.Get<AuditLog>().AppendAsync("automation (checkpoints)", "checkpoint.evaluated", rolloutId, new
        {
            phaseIndex = 0,
            phase = "canary",
            checkpoint,
            verdict,
            decision = "MonitorClosely",
            reason = "P99 latency is inside its WARN margin",
        });
}
