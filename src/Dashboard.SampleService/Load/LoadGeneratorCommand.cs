namespace Dashboard.SampleService.Load;

/// <summary>
/// Sends a steady, bounded rate of GETs with random <c>X-Segment</c>/<c>X-Region</c> headers to a
/// loopback URL, prints a summary every 10 s, and stops by itself after the duration (or on Ctrl+C).
/// </summary>
public static class LoadGeneratorCommand
{
    /// <summary>At most this many requests wait for an answer; beyond it, due requests are skipped and counted.</summary>
    public const int MaxInFlight = 256;

    private static readonly TimeSpan SummaryInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (options, errors) = LoadGeneratorOptions.Parse(args);
        if (options is null)
        {
            foreach (var error in errors)
            {
                await output.WriteLineAsync($"load: {error}").ConfigureAwait(false);
            }

            return 2;
        }

        using var stop = new CancellationTokenSource(options.Duration);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        await output.WriteLineAsync(FormattableString.Invariant(
            $"load: {options.RequestsPerSecond} requests/s to {options.Target} for {options.Duration:hh\\:mm\\:ss}")).ConfigureAwait(false);
        await RunAsync(options, output, TimeProvider.System, stop.Token).ConfigureAwait(false);
        await output.WriteLineAsync("load: done").ConfigureAwait(false);
        return 0;
    }

    public static async Task RunAsync(LoadGeneratorOptions options, TextWriter output, TimeProvider timeProvider, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(15) };
        var summary = new LoadSummary();
        using var inFlight = new SemaphoreSlim(MaxInFlight);
        var pending = new List<Task>();
        var started = timeProvider.GetTimestamp();
        var lastSummary = TimeSpan.Zero;
        long due = 0;

        using var timer = new PeriodicTimer(Tick, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                // Requests owed by now at the steady rate, so the pace does not drift with timer jitter.
                var elapsed = timeProvider.GetElapsedTime(started);
                var owed = (long)(elapsed.TotalSeconds * options.RequestsPerSecond) - due;
                for (; owed > 0; owed--, due++)
                {
                    if (!inFlight.Wait(0, CancellationToken.None))
                    {
                        summary.Skipped();
                        continue;
                    }

                    pending.Add(SendOneAsync(http, options, summary, inFlight));
                }

                pending.RemoveAll(task => task.IsCompleted);
                if (elapsed - lastSummary >= SummaryInterval)
                {
                    lastSummary = elapsed;
                    await output.WriteLineAsync($"load: {summary.TakeLine(elapsed)}").ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Duration over or Ctrl+C: let the requests already sent finish.
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        await output.WriteLineAsync($"load: {summary.TakeLine(timeProvider.GetElapsedTime(started))}").ConfigureAwait(false);
    }

    private static async Task SendOneAsync(HttpClient http, LoadGeneratorOptions options, LoadSummary summary, SemaphoreSlim inFlight)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, options.Target);
            request.Headers.Add("X-Segment", options.Segments[Random.Shared.Next(options.Segments.Count)]);
            request.Headers.Add("X-Region", options.Regions[Random.Shared.Next(options.Regions.Count)]);
            summary.Sent();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            summary.Answered((int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            summary.Failed();
        }
        finally
        {
            inFlight.Release();
        }
    }
}
