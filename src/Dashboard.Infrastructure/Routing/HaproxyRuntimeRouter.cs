using Dashboard.Core.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Routing;

/// <summary>
/// Splits traffic with a real HAProxy: the canary server of the configured backend gets weight N and
/// the baseline server 100 − N, set through the runtime API and then read back with
/// <c>get weight</c>. Weight 0 (not <c>state drain</c>) takes a cohort out: it is what
/// <c>get weight</c> reports, so the read-back shows exactly what was set, and it leaves the
/// server's admin state to the operator.
/// </summary>
public sealed class HaproxyRuntimeRouter : ITrafficRouter
{
    private readonly HaproxyRuntimeApi _api;
    private readonly HaproxyRoutingOptions _options;
    private readonly ILogger<HaproxyRuntimeRouter> _logger;

    public HaproxyRuntimeRouter(IOptions<RoutingOptions> options, TimeProvider timeProvider, ILogger<HaproxyRuntimeRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Haproxy;
        _api = new HaproxyRuntimeApi(HaproxyRuntimeEndpoint.Parse(_options.RuntimeApi), _options.Timeout, timeProvider);
        _logger = logger;
    }

    public string Name => $"HAProxy {_options.Backend} ({_options.BaselineServer}/{_options.CanaryServer}) via {_api.Endpoint}";

    public async Task<TrafficWeights> ReadAsync(CancellationToken cancellationToken = default)
    {
        // Two commands, since the runtime API has no atomic read of both; a change made between
        // them shows up on the next read.
        var canary = await GetWeightAsync(_options.CanaryServer, cancellationToken);
        var baseline = await GetWeightAsync(_options.BaselineServer, cancellationToken);
        return new TrafficWeights(canary, baseline);
    }

    public async Task<TrafficWeights> ApplyAsync(int canaryPercent, CancellationToken cancellationToken = default)
    {
        var target = TrafficWeights.ForCanaryPercent(canaryPercent);
        var baselineBefore = await GetWeightAsync(_options.BaselineServer, cancellationToken);

        // HAProxy applies each `set server` at once, so between the two commands the backend runs on
        // one old and one new weight. Raising the baseline first when it goes up (canary share falls),
        // and otherwise setting the canary first, keeps that in-between canary share at or below the
        // larger of the old and the new share, and never leaves both weights at 0 (which would
        // answer 503). Going 0 % → 100 % therefore passes 100/100, never 100/0 with stale baseline.
        if (target.BaselineWeight > baselineBefore)
        {
            await SetWeightAsync(_options.BaselineServer, target.BaselineWeight, cancellationToken);
            await SetSecondWeightAsync(_options.CanaryServer, target.CanaryWeight, _options.BaselineServer, target.BaselineWeight, cancellationToken);
        }
        else
        {
            await SetWeightAsync(_options.CanaryServer, target.CanaryWeight, cancellationToken);
            await SetSecondWeightAsync(_options.BaselineServer, target.BaselineWeight, _options.CanaryServer, target.CanaryWeight, cancellationToken);
        }

        var readBack = await ReadAsync(cancellationToken);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation(
                "HAProxy {Backend}: asked for canary {Requested} %, read back {ReadBack}", _options.Backend, canaryPercent, readBack.ToString());
        }

        return readBack;
    }

    private async Task SetSecondWeightAsync(string server, int weight, string firstServer, int firstWeight, CancellationToken cancellationToken)
    {
        try
        {
            await SetWeightAsync(server, weight, cancellationToken);
        }
        catch (TrafficRouterException ex)
        {
            // Half a change is live now; say so, so nobody assumes the old split still holds.
            throw new TrafficRouterException(
                $"{ex.Message} (HAProxy already runs {_options.Backend}/{firstServer} at weight {firstWeight}; read the router for the actual split.)",
                ex.RouterMessage,
                ex);
        }
    }

    private async Task SetWeightAsync(string server, int weight, CancellationToken cancellationToken)
    {
        var command = $"set server {_options.Backend}/{server} weight {weight}";
        HaproxyAnswers.RequireSetSucceeded(command, await _api.SendAsync(command, cancellationToken));
    }

    private async Task<int> GetWeightAsync(string server, CancellationToken cancellationToken)
    {
        var command = $"get weight {_options.Backend}/{server}";
        return HaproxyAnswers.ParseWeight(command, await _api.SendAsync(command, cancellationToken));
    }
}
