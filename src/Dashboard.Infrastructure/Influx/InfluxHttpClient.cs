using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Influx;

/// <summary>
/// <see cref="IInfluxClient"/> over InfluxDB's v1 HTTP API (<c>/write</c>, <c>/query</c>, <c>/ping</c>),
/// served by 1.x, 2.x and 3.x. Writes use <c>precision=ms</c>, queries <c>epoch=ms</c>. Requests that
/// fail with 429, 5xx, a timeout or a connection failure are retried (writes are idempotent: the same
/// series and timestamp overwrite); 400/401/403/404 never are; a 413 splits the batch in halves.
/// </summary>
public sealed partial class InfluxHttpClient : IInfluxClient
{
    private readonly HttpClient _http;
    private readonly InfluxOptions _options;
    private readonly ILogger<InfluxHttpClient> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly RetryBackoff _backoff;
    private readonly string _writePath;

    public InfluxHttpClient(HttpClient http, IOptions<InfluxOptions> options, ILogger<InfluxHttpClient> logger, TimeProvider timeProvider)
        : this(http, options, logger, timeProvider, null)
    {
    }

    internal InfluxHttpClient(HttpClient http, IOptions<InfluxOptions> options, ILogger<InfluxHttpClient> logger, TimeProvider timeProvider, RetryBackoff? backoff)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _logger = logger;
        _timeProvider = timeProvider;
        _backoff = backoff ?? new RetryBackoff(_options);

        // A trailing slash keeps a path prefix (https://host/influx/) when relative paths are combined.
        var url = _options.Url.ToString();
        _http.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
        _http.Timeout = _options.Timeout;
        _http.DefaultRequestHeaders.Authorization = CreateAuthorization(_options);

        var query = new StringBuilder("write?db=").Append(Uri.EscapeDataString(_options.Database));
        if (!string.IsNullOrEmpty(_options.RetentionPolicy))
        {
            query.Append("&rp=").Append(Uri.EscapeDataString(_options.RetentionPolicy));
        }

        _writePath = query.Append("&precision=ms").ToString();
    }

    public async Task WriteAsync(IReadOnlyCollection<InfluxPoint> points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return;
        }

        var list = points as IReadOnlyList<InfluxPoint> ?? [.. points];
        try
        {
            await WriteBatchAsync(list, cancellationToken).ConfigureAwait(false);
        }
        catch (InfluxDatabaseNotFoundException ex) when (_options.CreateDatabaseIfMissing && !IsMissingRetentionPolicy(ex))
        {
            LogCreatingDatabase(_logger, _options.Database);
            await EnsureDatabaseAsync(cancellationToken).ConfigureAwait(false);
            await WriteBatchAsync(list, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<InfluxStatementResult>> QueryAsync(string influxQl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(influxQl);
        using var response = await SendAsync(() => CreateQueryRequest(influxQl), "query", cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await QueryResponseParser.ParseAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        var started = _timeProvider.GetTimestamp();
        try
        {
            using var response = await _http.GetAsync(new Uri("ping", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ToExceptionAsync(response, "ping", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable("ping", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut("ping", ex);
        }

        return _timeProvider.GetElapsedTime(started);
    }

    /// <summary>
    /// Creates <see cref="InfluxOptions.Database"/> (<c>CREATE DATABASE</c> is idempotent in 1.x).
    /// Writes call this by themselves on "database not found" when
    /// <see cref="InfluxOptions.CreateDatabaseIfMissing"/> is on; call it at start-up to fail early.
    /// </summary>
    public async Task EnsureDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var results = await QueryAsync($"CREATE DATABASE {InfluxQl.Identifier(_options.Database)}", cancellationToken).ConfigureAwait(false);
        if (results.FirstOrDefault(r => r.Error is not null) is { } failed)
        {
            throw new InfluxException($"InfluxDB refused to create database '{_options.Database}': {failed.Error}", null, failed.Error);
        }
    }

    private async Task WriteBatchAsync(IReadOnlyList<InfluxPoint> points, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(LineProtocol.Format(points));
        try
        {
            using var response = await SendAsync(() => CreateWriteRequest(body), "write", cancellationToken).ConfigureAwait(false);
        }
        catch (InfluxRequestTooLargeException) when (points.Count > 1)
        {
            var half = points.Count / 2;
            LogSplitting(_logger, points.Count, half);

            // Both halves are tried even if one holds a point too large on its own, so that every
            // point that fits is stored before the refusal is reported.
            InfluxRequestTooLargeException? tooLarge = null;
            foreach (var part in new[] { points.Take(half).ToList(), points.Skip(half).ToList() })
            {
                try
                {
                    await WriteBatchAsync(part, cancellationToken).ConfigureAwait(false);
                }
                catch (InfluxRequestTooLargeException ex)
                {
                    tooLarge ??= ex;
                }
            }

            if (tooLarge is not null)
            {
                ExceptionDispatchInfo.Throw(tooLarge);
            }
        }
    }

    private HttpRequestMessage CreateWriteRequest(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        return new HttpRequestMessage(HttpMethod.Post, new Uri(_writePath, UriKind.Relative)) { Content = content };
    }

    private HttpRequestMessage CreateQueryRequest(string influxQl)
    {
        var form = new List<KeyValuePair<string, string>>(4)
        {
            new("q", influxQl),
            new("db", _options.Database),
            new("epoch", "ms"),
        };
        if (!string.IsNullOrEmpty(_options.RetentionPolicy))
        {
            form.Add(new("rp", _options.RetentionPolicy));
        }

        return new HttpRequestMessage(HttpMethod.Post, new Uri("query", UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
    }

    /// <summary>Sends with retries; returns a successful response or throws the classified failure.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, string operation, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            InfluxException failure;
            TimeSpan? retryAfter = null;
            var retryable = true;
            using (var request = createRequest())
            {
                try
                {
                    var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        return response;
                    }

                    using (response)
                    {
                        failure = await ToExceptionAsync(response, operation, cancellationToken).ConfigureAwait(false);
                        retryable = IsRetryable(response.StatusCode) && failure is not InfluxDatabaseNotFoundException;
                        retryAfter = RetryAfter(response.Headers.RetryAfter);
                    }
                }
                catch (HttpRequestException ex)
                {
                    failure = Unreachable(operation, ex);
                }
                catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = TimedOut(operation, ex);
                }
            }

            if (!retryable || attempt >= _options.MaxRetries)
            {
                throw failure;
            }

            var delay = _backoff.Delay(attempt, retryAfter);
            LogRetrying(_logger, operation, attempt + 1, _options.MaxRetries, delay.TotalMilliseconds, failure.Message);
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsMissingRetentionPolicy(InfluxException ex) =>
        ex.ServerMessage?.Contains("retention policy", StringComparison.OrdinalIgnoreCase) == true;

    private static bool IsRetryable(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _timeProvider.GetUtcNow(),
        _ => null,
    };

    private static async Task<InfluxException> ToExceptionAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var serverMessage = QueryResponseParser.TryReadError(body) ?? (body.Length > 1000 ? body[..1000] : body).Trim();
        var status = (int)response.StatusCode;
        var message = $"InfluxDB {operation} failed with {status} {response.ReasonPhrase}: {serverMessage}";
        // 1.6.7 answers an unknown retention policy with 500 "retention policy not found"; retrying cannot help.
        if (response.StatusCode == HttpStatusCode.NotFound
            || serverMessage.Contains("database not found", StringComparison.OrdinalIgnoreCase)
            || serverMessage.Contains("retention policy not found", StringComparison.OrdinalIgnoreCase))
        {
            return new InfluxDatabaseNotFoundException(message, status, serverMessage);
        }

        return response.StatusCode switch
        {
            HttpStatusCode.BadRequest when serverMessage.StartsWith("partial write", StringComparison.OrdinalIgnoreCase)
                => new InfluxPartialWriteException(message, status, serverMessage),
            HttpStatusCode.BadRequest => new InfluxBadRequestException(message, status, serverMessage),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new InfluxUnauthorizedException(message, status, serverMessage),
            HttpStatusCode.RequestEntityTooLarge => new InfluxRequestTooLargeException(message, status, serverMessage),
            HttpStatusCode.TooManyRequests => new InfluxUnavailableException(message, status, serverMessage),
            _ when status >= 500 => new InfluxServerErrorException(message, status, serverMessage),
            _ => new InfluxException(message, status, serverMessage),
        };
    }

    private InfluxUnavailableException Unreachable(string operation, HttpRequestException ex) =>
        new($"InfluxDB {operation} failed: {_options.Url} is unreachable ({ex.Message})", null, null, ex);

    private InfluxUnavailableException TimedOut(string operation, Exception ex) =>
        new($"InfluxDB {operation} timed out after {_options.Timeout.TotalSeconds:0.###} s ({_options.Url})", null, null, ex);

    private static AuthenticationHeaderValue? CreateAuthorization(InfluxOptions options)
    {
        if (!string.IsNullOrEmpty(options.Token))
        {
            return new AuthenticationHeaderValue("Token", options.Token);
        }

        if (!string.IsNullOrEmpty(options.Username))
        {
            var pair = Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}");
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB {Operation} failed, retry {Retry} of {MaxRetries} in {DelayMs:0} ms: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string operation, int retry, int maxRetries, double delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB answered 413 for {Count} points; writing them as two batches of about {Half}")]
    private static partial void LogSplitting(ILogger logger, int count, int half);

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB database {Database} not found; creating it")]
    private static partial void LogCreatingDatabase(ILogger logger, string database);
}
