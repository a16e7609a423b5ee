namespace Dashboard.Core.Monitoring;

/// <summary>What a metric of a health check was judged against.</summary>
public enum HealthCheckRule
{
    /// <summary>A pass criterion of the current phase: PASS, WARN inside its margin, FAIL.</summary>
    Criterion,

    /// <summary>An auto-rollback trigger of the phase: FAIL when it holds, PASS when clear.</summary>
    RollbackTrigger,
}
