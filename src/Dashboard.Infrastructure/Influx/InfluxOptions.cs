namespace Dashboard.Infrastructure.Influx;

/// <summary>Connection and write-buffer settings, bound from the <c>Influx</c> configuration section.</summary>
public sealed class InfluxOptions
{
    public const string SectionName = "Influx";

    /// <summary>Base URL of the InfluxDB HTTP API (1.x, 2.x v1-compatibility or 3.x).</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:8086");

    public string Database { get; set; } = "rollout";

    /// <summary>Retention policy for writes; empty means the database's default.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>API token (2.x/3.x), sent as <c>Authorization: Token …</c>. Takes precedence over user/password.</summary>
    public string? Token { get; set; }

    /// <summary>User for 1.x authentication, sent with <see cref="Password"/> as HTTP Basic auth.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Time limit of one HTTP attempt (not of all retries together).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt for 429, 5xx and connection failures.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff step; each retry doubles it (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of one backoff step, also applied to a server's <c>Retry-After</c>.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public int WriteBatchSize { get; set; } = 5_000;

    public int WriteBufferCapacity { get; set; } = 50_000;

    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// When a write is answered with "database not found", run <c>CREATE DATABASE</c> (idempotent in
    /// 1.x) and write again once. Turn off where the account may not create databases.
    /// </summary>
    public bool CreateDatabaseIfMissing { get; set; } = true;
}
