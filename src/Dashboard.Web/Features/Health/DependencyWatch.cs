using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Features.Health;

/// <summary>
/// Runs the readiness checks of the shared dependencies (the state store and, with <c>Bus:Redis</c>, Redis) every
/// <see cref="Interval"/>, once per instance whatever the number of open pages, so that every page can say which one
/// is unreachable (<see cref="Components.DependencyBanner"/>). InfluxDB is not here: the live pages' stale banner says so.
/// </summary>
public sealed partial class DependencyWatch(HealthCheckService health, TimeProvider timeProvider, ILogger<DependencyWatch> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private IReadOnlyList<DependencyProblem> _problems = [];

    /// <summary>What is unreachable now; empty when all answer (and before the first check).</summary>
    public IReadOnlyList<DependencyProblem> Problems => Volatile.Read(ref _problems);

    /// <summary>True while the last check found the state store unreachable.</summary>
    public bool StateStoreUnreachable => Problems.Any(p => p.Check == HealthEndpoints.StateStoreCheck);

    /// <summary>Raised when <see cref="Problems"/> changes; handlers run on the checking thread.</summary>
    public event Action<IReadOnlyList<DependencyProblem>>? Changed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        do
        {
            await CheckAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task CheckAsync(CancellationToken stoppingToken)
    {
        var report = await health.CheckHealthAsync(c => HealthEndpoints.SharedDependencies.Contains(c.Name), stoppingToken);
        IReadOnlyList<DependencyProblem> problems =
        [
            .. report.Entries
                .Where(e => e.Value.Status != HealthStatus.Healthy)
                .OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => new DependencyProblem(e.Key, e.Value.Description ?? e.Value.Exception?.Message ?? "no answer")),
        ];
        if (problems.SequenceEqual(Problems))
        {
            return;
        }

        Volatile.Write(ref _problems, problems);
        foreach (var handler in Changed?.GetInvocationList().Cast<Action<IReadOnlyList<DependencyProblem>>>() ?? [])
        {
            try
            {
                handler(problems);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed to handle the dependencies' status")]
    private partial void LogHandlerFailed(Exception exception);
}
