using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Leadership;

/// <summary>
/// Says on <c>/readyz</c> which instance acts for all (signed-in callers see the text). Never unhealthy by itself: an
/// instance that does not hold the lease serves pages as well as the holder; a database that cannot be asked is the
/// state store's check's failure, so this one only says it does not know.
/// </summary>
public sealed class AutomationLeaseHealthCheck(LeaseHolderQuery holders, IOptions<ClusterOptions> cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await holders.HolderAsync(cancellationToken) switch
            {
                null => HealthCheckResult.Healthy("nobody holds the automation lease now; the instances are trying to take it"),
                var holder when holder == cluster.Value.InstanceName => HealthCheckResult.Healthy($"held by {holder} (this instance)"),
                var holder => HealthCheckResult.Healthy($"held by {holder}"),
            };
        }
        catch (DbException ex)
        {
            return HealthCheckResult.Degraded($"who holds the automation lease is unknown: {ex.Message}");
        }
    }
}
