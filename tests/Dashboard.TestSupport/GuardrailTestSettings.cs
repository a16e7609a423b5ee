namespace Dashboard.TestSupport;

/// <summary>
/// The settings under which the real app's guardrails decide within seconds on the built-in demo: a seeded demo of
/// 20,000 req/s written every second with no backfill, a guardrail poll every second over a 10 s window, three breaches
/// to act, and router retries after 0.5–2 s.
/// </summary>
public static class GuardrailTestSettings
{
    public static IReadOnlyDictionary<string, string> FastOnTheDemo { get; } = new Dictionary<string, string>
    {
        ["Demo__Enabled"] = "true",
        ["Demo__Interval"] = "00:00:01",
        ["Demo__TotalRps"] = "20000",
        ["Demo__BackfillHours"] = "0",
        ["Demo__Seed"] = "7",
        ["Guardrails__PollInterval"] = "00:00:01",
        ["Guardrails__Window"] = "00:00:10",
        ["Guardrails__ConsecutiveBreaches"] = "3",
        ["Guardrails__RouterRetryBaseDelay"] = "00:00:00.5",
        ["Guardrails__RouterRetryMaxDelay"] = "00:00:02",
    };
}
