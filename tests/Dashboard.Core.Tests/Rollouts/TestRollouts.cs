using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;

namespace Dashboard.Core.Tests.Rollouts;

/// <summary>Rollouts of the built-in plans at fixed times.</summary>
internal static class TestRollouts
{
    public static readonly Guid Id = new("5d0c8f2e-3a41-4b7e-9a55-1f2e3d4c5b6a");
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static Rollout New(RolloutPlan? plan = null)
    {
        var creation = Rollout.Create(Id, "ultra-fast-analyzer", "v2.9.4", "v3.0.0-sprint-2-complete", plan ?? BuiltInPlans.ThreePhase, "alice", "sprint 2 release", T0);
        Assert.True(creation.Succeeded, creation.Rejection?.Message);
        return creation.Rollout;
    }

    public static Rollout Started(RolloutPlan? plan = null)
    {
        var rollout = New(plan);
        Accept(rollout.Start("alice", "go", T0.AddMinutes(1)));
        return rollout;
    }

    /// <summary>Started and advanced until <paramref name="phaseIndex"/> is the running phase.</summary>
    public static Rollout RunningPhase(int phaseIndex, RolloutPlan? plan = null)
    {
        var rollout = Started(plan);
        for (var index = 0; index < phaseIndex; index++)
        {
            Accept(rollout.Advance("bob", $"phase {index} passed", T0.AddHours(index + 1)));
        }

        return rollout;
    }

    public static RolloutResult Accept(RolloutResult result)
    {
        Assert.True(result.Succeeded, result.Rejection?.Message);
        return result;
    }

    public static IllegalTransition Illegal(RolloutResult result) => Assert.IsType<IllegalTransition>(result.Rejection);

    public static InvalidRolloutRequest Invalid(RolloutResult result) => Assert.IsType<InvalidRolloutRequest>(result.Rejection);
}
