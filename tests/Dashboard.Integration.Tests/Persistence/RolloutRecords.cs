using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;

namespace Dashboard.Integration.Tests.Persistence;

/// <summary>Builders for stored rollouts with sensible values.</summary>
internal static class RolloutRecords
{
    public static RolloutRecord Create(DateTimeOffset createdAt, string service = "learning-api", int phases = 3)
    {
        var id = Guid.NewGuid();
        return new RolloutRecord
        {
            Id = id,
            Service = service,
            BaselineVersion = "v2.9.4",
            CandidateVersion = "v3.0.0-sprint-2-complete",
            PlanId = "standard-canary",
            PlanJson = """{"id":"standard-canary","phases":[{"name":"canary","traffic":5}]}""",
            StartedBy = "alice",
            CreatedAt = createdAt,
            Status = "Running",
            CurrentPhaseIndex = 0,
            CanaryWeightPercent = 5,
            UpdatedAt = createdAt,
            Phases = [.. Enumerable.Range(0, phases).Select(i => new PhaseRunRecord
            {
                RolloutId = id,
                Index = i,
                Name = $"phase-{i}",
                State = i == 0 ? "Running" : "Pending",
                StartedAt = i == 0 ? createdAt : null,
                TrafficPercent = i == 0 ? 5 : 0,
            })],
        };
    }

    public static AuditEntry Started(RolloutRecord rollout) =>
        new(rollout.StartedBy, "rollout.started", rollout.Id, new { rollout.Service, rollout.CandidateVersion });
}
