namespace Dashboard.Core.Rollouts;

/// <summary>The request itself is wrong — a blank reason, a weight outside 0..100 (REST: 400 naming <see cref="Field"/>).</summary>
public sealed record InvalidRolloutRequest(string Field, string Problem) : RolloutRejection($"{Field}: {Problem}");
