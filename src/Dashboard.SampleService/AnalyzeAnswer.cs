namespace Dashboard.SampleService;

/// <summary>The body of an <c>/analyze</c> answer: who answered and what was counted, for humans and tests.</summary>
public sealed record AnalyzeAnswer(string Service, string Cohort, string Version, string Segment, string Region, double LatencyMs);
