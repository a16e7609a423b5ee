using Dashboard.Web.Features.Rollouts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Checkpoints.Components;

/// <summary>Says on every page that time is scaled, so nobody mistakes a demo's pace for a real rollout's.</summary>
public sealed partial class TimeScaleBanner
{
    [Inject]
    public required IOptions<RolloutClockOptions> Clock { get; init; }
}
