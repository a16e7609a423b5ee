using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Notifications;

/// <summary>
/// Posts queued notifications to <c>Notifications:WebhookUrl</c>, one at a time. A message whose
/// de-duplication key was sent within <c>Notifications:ReminderInterval</c> is suppressed. 429, 5xx,
/// timeouts and connection failures are retried with jittered exponential backoff (a server's
/// Retry-After is honoured up to the maximum delay); other 4xx answers are not retried. Failures are
/// logged and counted, never thrown at the producers.
/// </summary>
public sealed partial class WebhookDispatcher(
    NotificationQueue queue,
    IHttpClientFactory httpClients,
    IOptions<NotificationOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "notifications";

    private readonly Dictionary<string, DateTimeOffset> _lastSentByKey = new(StringComparer.Ordinal);
    private readonly Lock _counters = new();
    private long _sent;
    private long _suppressed;
    private long _failed;
    private DateTimeOffset? _lastSentAt;
    private string? _lastError;

    public NotificationStatus Status
    {
        get
        {
            lock (_counters)
            {
                return new NotificationStatus(options.Value.IsEnabled, _sent, _suppressed, _failed, queue.Dropped, _lastSentAt, _lastError);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled)
        {
            return;
        }

        var webhook = new Uri(options.Value.WebhookUrl!);
        var publicUrl = string.IsNullOrWhiteSpace(options.Value.PublicUrl) ? null : new Uri(options.Value.PublicUrl);
        await foreach (var notification in queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (IsDuplicate(notification))
            {
                Count(ref _suppressed);
                LogSuppressed(notification.DedupKey);
                continue;
            }

            await SendAsync(webhook, SlackPayload.Serialize(notification, publicUrl), notification, stoppingToken);
        }
    }

    private bool IsDuplicate(Notification notification)
    {
        var now = timeProvider.GetUtcNow();
        var interval = options.Value.ReminderInterval;
        foreach (var expired in _lastSentByKey.Where(entry => now - entry.Value >= interval).Select(entry => entry.Key).ToList())
        {
            _lastSentByKey.Remove(expired);
        }

        if (_lastSentByKey.ContainsKey(notification.DedupKey))
        {
            return true;
        }

        _lastSentByKey[notification.DedupKey] = now;
        return false;
    }

    private async Task SendAsync(Uri webhook, string body, Notification notification, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var client = httpClients.CreateClient(HttpClientName);
        client.Timeout = settings.Timeout;
        for (var attempt = 1; ; attempt++)
        {
            string problem;
            TimeSpan? retryAfter = null;
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(webhook, content, stoppingToken);
                if (response.IsSuccessStatusCode)
                {
                    lock (_counters)
                    {
                        _sent++;
                        _lastSentAt = timeProvider.GetUtcNow();
                    }

                    LogSent(notification.DedupKey, attempt);
                    return;
                }

                problem = $"the webhook answered {(int)response.StatusCode} {response.ReasonPhrase}";
                if (!IsRetryable(response.StatusCode))
                {
                    Fail(notification, problem, attempt);
                    return;
                }

                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException ex)
            {
                problem = $"the webhook could not be reached: {ex.Message}";
            }
            catch (TaskCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                problem = $"the webhook did not answer within {settings.Timeout}";
            }

            if (attempt >= settings.MaxAttempts)
            {
                Fail(notification, problem, attempt);
                return;
            }

            await Task.Delay(Backoff(attempt, retryAfter), timeProvider, stoppingToken);
        }
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var settings = options.Value;
        var exponential = settings.RetryBaseDelay * Math.Pow(2, attempt - 1) * (0.8 + (0.4 * Random.Shared.NextDouble()));
        var delay = retryAfter is { } asked && asked > exponential ? asked : exponential;
        return delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
    }

    private static bool IsRetryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private void Fail(Notification notification, string problem, int attempts)
    {
        lock (_counters)
        {
            _failed++;
            _lastError = problem;
        }

        LogFailed(notification.DedupKey, attempts, problem);
    }

    private void Count(ref long counter)
    {
        lock (_counters)
        {
            counter++;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Key} sent (attempt {Attempt})")]
    private partial void LogSent(string key, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notification {Key} suppressed: sent within the reminder interval")]
    private partial void LogSuppressed(string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Key} not delivered after {Attempts} attempt(s): {Problem}")]
    private partial void LogFailed(string key, int attempts, string problem);
}
