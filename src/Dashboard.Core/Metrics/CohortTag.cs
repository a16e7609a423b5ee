namespace Dashboard.Core.Metrics;

/// <summary>The values of the <c>cohort</c> tag as InfluxDB stores them (docs/schema.md).</summary>
public static class CohortTag
{
    public const string Baseline = "baseline";
    public const string Canary = "canary";

    public static string ToTag(this Cohort cohort) => cohort switch
    {
        Cohort.Baseline => Baseline,
        Cohort.Canary => Canary,
        _ => throw new ArgumentOutOfRangeException(nameof(cohort), cohort, "Unknown cohort."),
    };

    public static bool TryParse(string? tag, out Cohort cohort)
    {
        switch (tag)
        {
            case Baseline: cohort = Cohort.Baseline; return true;
            case Canary: cohort = Cohort.Canary; return true;
            default: cohort = default; return false;
        }
    }
}
