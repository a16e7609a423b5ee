using Dashboard.Web.Features.Bus;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Dashboard.Web.Features.Health;

/// <summary>Ready only when the bus's Redis answers <c>PING</c> (registered only with <c>Bus:Redis</c>).</summary>
public sealed class RedisHealthCheck(RedisInstanceBus bus) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!bus.IsConnected)
        {
            return HealthCheckResult.Unhealthy("Redis unreachable: changes saved on other instances do not reach this one until it is back");
        }

        try
        {
            await bus.PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Redis unreachable: {ex.Message}");
        }
    }
}
