namespace Dashboard.Core.Guardrails.Sequential.Backtest;

/// <summary>One scenario replayed through the sequential judge and through the old rule (3 polls over a 500-request window).</summary>
public sealed record BacktestResult(BacktestScenario Scenario, TimeSpan PhaseLength, DetectionSummary Sequential, DetectionSummary OldRule);
