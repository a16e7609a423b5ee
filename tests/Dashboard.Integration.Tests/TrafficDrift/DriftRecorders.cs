using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.TrafficDrift;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Integration.Tests.TrafficDrift;

/// <summary>The drift recorder on a test state store, as the app wires it to the monitor.</summary>
internal static class DriftRecorders
{
    public static TrafficDriftRecorder For(TestStateStore store, RolloutChangeFeed? feed = null) => new(
        store.Get<AuditLog>(),
        store.Get<AuditWindowQuery>(),
        feed ?? new RolloutChangeFeed(store.Clock, NullLogger<RolloutChangeFeed>.Instance),
        store.Clock,
        NullLogger<TrafficDriftRecorder>.Instance);
}
