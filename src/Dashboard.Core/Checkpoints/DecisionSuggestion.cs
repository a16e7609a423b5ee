namespace Dashboard.Core.Checkpoints;

/// <summary>A suggested decision and the rule of the rubric that chose it, in words for the page.</summary>
public sealed record DecisionSuggestion(CheckpointDecision Decision, string Reason);
