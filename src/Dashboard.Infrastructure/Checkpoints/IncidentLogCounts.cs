using Dashboard.Core.Checkpoints;
using Dashboard.Core.Incidents;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>
/// Answers the incident criteria of a checkpoint from the incidents recorded in the state store. A
/// store that cannot be read throws, and the evaluator turns that into NO_DATA — never a pass.
/// </summary>
public sealed class IncidentLogCounts(IncidentStore incidents) : IIncidentCounts
{
    public async Task<long?> CountAsync(string rolloutId, string metricKey, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(rolloutId, out var id))
        {
            return null;
        }

        return IncidentTally.Count(await incidents.SpansAsync(id, cancellationToken), metricKey, from, to);
    }
}
