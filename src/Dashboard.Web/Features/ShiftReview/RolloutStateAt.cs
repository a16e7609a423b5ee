namespace Dashboard.Web.Features.ShiftReview;

/// <summary>A rollout's state at one moment, rebuilt from the audit log.</summary>
/// <param name="Phase">The phase it was in, or null before it started.</param>
/// <param name="State">Its state in words: "running", "held", "awaiting sign-off", "rolled back" …</param>
/// <param name="CanaryPercent">The canary weight it had asked for.</param>
/// <param name="Since">When it got into that state.</param>
public sealed record RolloutStateAt(string? Phase, string State, int CanaryPercent, DateTimeOffset Since)
{
    /// <summary>True once it completed, was aborted or rolled back: nothing more will happen to it.</summary>
    public bool IsFinished { get; init; }
}
