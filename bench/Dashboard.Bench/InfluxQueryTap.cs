using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using Dashboard.Core.Metrics;
using Dashboard.TestSupport;

namespace Dashboard.Bench;

/// <summary>
/// A pass-through HTTP proxy on a free loopback port between one app instance and influxd: every request
/// (<c>/query</c>, <c>/write</c>, <c>/ping</c>) goes to influxd unchanged and its answer comes back unchanged. It sorts
/// each <c>/query</c> by what it reads (<see cref="Classify"/>), so the query load bench can say which instance asked
/// and for what. influxd's own count stays the reference (<see cref="InfluxQueryCounter"/>); the taps only explain it.
/// </summary>
public sealed partial class InfluxQueryTap : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Date", "Server", "Host", "Expect",
    };

    private readonly HttpListener _listener = new();
    private readonly HttpClient _influx;
    private readonly TimeSpan _liveSnapshotWindow;
    private readonly TimeSpan _healthCheckWindow;
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly ConcurrentDictionary<string, string> _lastOfKind = new();
    private readonly Task _loop;

    private InfluxQueryTap(Uri influx, int port, TimeSpan liveSnapshotWindow, TimeSpan healthCheckWindow)
    {
        _influx = new HttpClient { BaseAddress = influx, Timeout = TimeSpan.FromMinutes(2) };
        _liveSnapshotWindow = liveSnapshotWindow;
        _healthCheckWindow = healthCheckWindow;
        Url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>What the app's <c>Influx:Url</c> takes.</summary>
    public Uri Url { get; }

    /// <param name="influx">influxd's address.</param>
    /// <param name="liveSnapshotWindow">The live poller's <c>LiveMetrics:SnapshotWindow</c>: a snapshot of that window is the live poll.</param>
    /// <param name="healthCheckWindow"><c>Monitoring:IntensiveWindow</c>: a snapshot of that window is an intensive health check.</param>
    public static InfluxQueryTap Start(Uri influx, TimeSpan liveSnapshotWindow, TimeSpan healthCheckWindow) =>
        new(influx, FreePort.Next(), liveSnapshotWindow, healthCheckWindow);

    /// <summary>The <c>/query</c> requests forwarded so far, by kind.</summary>
    public IReadOnlyDictionary<string, long> Counts() => new Dictionary<string, long>(_counts);

    /// <summary>
    /// What one <c>/query</c> reads, from its InfluxQL: the metrics reader's snapshot (11 statements over
    /// <c>time &gt; a AND time &lt;= b</c>) is the live poll when its window is the live one, an intensive health check
    /// when it is that check's, else the guardrails' (their window follows the canary's traffic); its per-cohort buckets
    /// (2 statements over <c>time &gt;= a AND time &lt; b</c>) are a chart when the span is a chart range, else the
    /// guardrails' evidence cells; the checkpoint statements' sums are the checkpoint top-up; anything else by its first words.
    /// </summary>
    public string Classify(string? influxQl)
    {
        if (string.IsNullOrWhiteSpace(influxQl))
        {
            return "empty";
        }

        var statements = influxQl.Split(";\n").Length;
        if (SnapshotRange().Match(influxQl) is { Success: true } snapshot && statements == 11)
        {
            var window = Span(snapshot);
            return window == _liveSnapshotWindow ? "live poll: snapshot"
                : window == _healthCheckWindow ? "intensive health check"
                : "guardrails: snapshot";
        }

        if (BucketRange().Match(influxQl) is { Success: true } buckets && statements == 2)
        {
            var span = Span(buckets);
            return Enum.GetValues<ChartRange>().Where(r => r.Duration() == span).Select(r => $"live poll: chart {r.Label()}").FirstOrDefault()
                ?? "guardrails: evidence cells";
        }

        if (influxQl.StartsWith("SELECT sum(\"count\")", StringComparison.Ordinal))
        {
            return "checkpoint sums (top-up)";
        }

        var words = influxQl.Split((char[])[' ', '\n'], 3, StringSplitOptions.RemoveEmptyEntries);
        return "other: " + string.Join(' ', words.Take(2));
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
        _listener.Close();
        _influx.Dispose();
    }

    private static TimeSpan Span(Match match) => TimeSpan.FromMilliseconds(
        long.Parse(match.Groups["to"].Value, CultureInfo.InvariantCulture) - long.Parse(match.Groups["from"].Value, CultureInfo.InvariantCulture));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        try
        {
            var incoming = context.Request;
            using var body = new MemoryStream();
            await incoming.InputStream.CopyToAsync(body);
            var bytes = body.ToArray();
            if (incoming.Url is { AbsolutePath: "/query" } url)
            {
                var form = incoming.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
                    ? HttpUtility.ParseQueryString(System.Text.Encoding.UTF8.GetString(bytes))
                    : HttpUtility.ParseQueryString(url.Query);
                var text = form["q"] ?? string.Empty;
                var kind = Classify(text);
                // Every read names its times to the millisecond: the same text again is the reader's re-read of a torn answer.
                var counted = _lastOfKind.TryGetValue(kind, out var last) && last == text ? $"{kind} (re-read)" : kind;
                _lastOfKind[kind] = text;
                _counts.AddOrUpdate(counted, 1, (_, n) => n + 1);
            }

            using var request = new HttpRequestMessage(new HttpMethod(incoming.HttpMethod), incoming.Url!.PathAndQuery.TrimStart('/'));
            if (bytes.Length > 0)
            {
                request.Content = new ByteArrayContent(bytes);
            }

            foreach (var name in incoming.Headers.AllKeys.OfType<string>().Where(n => !HopHeaders.Contains(n)))
            {
                var value = incoming.Headers[name];
                if (!request.Headers.TryAddWithoutValidation(name, value))
                {
                    request.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }

            using var response = await _influx.SendAsync(request);
            var payload = await response.Content.ReadAsByteArrayAsync();
            var outgoing = context.Response;
            outgoing.StatusCode = (int)response.StatusCode;
            outgoing.ContentType = response.Content.Headers.ContentType?.ToString();
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !HopHeaders.Contains(h.Key) && h.Key != "Content-Type"))
            {
                outgoing.Headers[name] = string.Join(", ", values);
            }

            outgoing.ContentLength64 = payload.Length;
            await outgoing.OutputStream.WriteAsync(payload);
            outgoing.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException or HttpRequestException or TaskCanceledException)
        {
            // The app went away or influxd did not answer: the app sees a broken connection, as it would without the tap.
            context.Response.Abort();
        }
    }

    [GeneratedRegex(@"time > (?<from>\d+)ms AND time <= (?<to>\d+)ms")]
    private static partial Regex SnapshotRange();

    [GeneratedRegex(@"time >= (?<from>\d+)ms AND time < (?<to>\d+)ms")]
    private static partial Regex BucketRange();
}
