using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>
/// Rollout views as the page gets them: a real Core <see cref="Rollout"/> of the built-in
/// three-phase plan (canary 1 % for 2 h, ramp 10 %, rollout 100 %) driven through its commands,
/// then <see cref="RolloutView.From"/>. Commands run at <see cref="T0"/> plus the given minutes.
/// </summary>
internal static class RolloutViews
{
    public static readonly DateTimeOffset T0 = LiveDashboardTestHost.Start;

    public static RolloutPlan Plan => BuiltInPlans.ThreePhase;

    /// <summary>Created, not started: phase 'canary' pending at 0 %.</summary>
    public static Rollout Created()
    {
        var creation = Rollout.Create(Guid.NewGuid(), "learning-api", "v2.9.4", "v3.0.0", Plan, "alice", "sprint 2 release", T0.AddHours(-1));
        Assert.True(creation.Succeeded, creation.Rejection?.Message);
        return creation.Rollout;
    }

    /// <summary>Phase 'canary' running at 1 % since <see cref="T0"/>.</summary>
    public static Rollout Started()
    {
        var rollout = Created();
        Accept(rollout.Start("alice", "go", T0));
        return rollout;
    }

    /// <summary>Started, then advanced <paramref name="times"/> times, one hour apart.</summary>
    public static Rollout Advanced(int times)
    {
        var rollout = Started();
        for (var i = 1; i <= times; i++)
        {
            Accept(rollout.Advance("alice", "next", T0.AddHours(i)));
        }

        return rollout;
    }

    /// <summary>Phase 'canary' held ten minutes after it started.</summary>
    public static Rollout Held()
    {
        var rollout = Started();
        Accept(rollout.Hold("bob", "looking at a spike", T0.AddMinutes(10)));
        return rollout;
    }

    /// <summary>Started and rolled back: finished.</summary>
    public static Rollout RolledBack()
    {
        var rollout = Started();
        Accept(rollout.RollBack("bob", "errors", T0.AddMinutes(5)));
        return rollout;
    }

    public static RolloutView View(Rollout rollout, params TrafficChangeView[] changes) => RolloutView.From(rollout, changes);

    /// <summary>Runs a command that must be accepted and returns the traffic changes it asked for, as requested (not yet settled).</summary>
    public static IReadOnlyList<TrafficChange> Accept(RolloutResult result)
    {
        Assert.True(result.Succeeded, result.Rejection?.Message);
        return [.. result.Events.OfType<TrafficChangeRequested>().Select(request => TrafficChange.FromRequest(Guid.NewGuid(), request))];
    }

    public static TrafficChangeView ViewOf(TrafficChange change) => TrafficChangeView.From(change, TrafficChangeSource.Ui);
}
