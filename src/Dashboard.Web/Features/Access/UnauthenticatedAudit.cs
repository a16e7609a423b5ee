using System.Diagnostics.Metrics;
using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// Audits failures of callers nobody has authenticated — junk kiosk links, unknown user names, locked accounts,
/// bad API keys — at most once per source (client address) and kind per <see cref="AccessOptions.UnauthenticatedAuditInterval"/>.
/// Anyone can cause these, and audit rows are permanent and take the state store's write lock, so a flood
/// must not become a flood of rows. The written event carries how many were suppressed before it; the
/// counter <c>warroom.audit.suppressed</c> counts every suppressed one. Refusals of authenticated callers
/// do not come here: they are audited one by one (<see cref="AccessAuthorization"/>).
/// </summary>
public sealed partial class UnauthenticatedAudit
{
    public const string MeterName = "RolloutWarRoom.Access";

    // Past this many tracked sources, expired ones are dropped; if all are live, new sources share one entry,
    // so memory stays bounded while the audit still records that failures happen.
    private const int MaxSources = 10_000;
    private const string ManySources = "(many addresses)";

    private readonly Dictionary<(string Source, UnauthenticatedFailure Kind), Window> _windows = [];
    private readonly Lock _gate = new();
    private readonly AuditLog _auditLog;
    private readonly TimeProvider _timeProvider;
    private readonly IOptions<AccessOptions> _options;
    private readonly ILogger<UnauthenticatedAudit> _logger;
    private readonly Counter<long> _suppressed;

    public UnauthenticatedAudit(AuditLog auditLog, TimeProvider timeProvider, IOptions<AccessOptions> options, IMeterFactory meters, ILogger<UnauthenticatedAudit> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _auditLog = auditLog;
        _timeProvider = timeProvider;
        _options = options;
        _logger = logger;
        _suppressed = meters.Create(MeterName).CreateCounter<long>(
            "warroom.audit.suppressed", "{failure}", "Unauthenticated failures not written to the audit log because their source was audited within the interval.");
    }

    /// <summary>
    /// Appends the event <paramref name="draft"/> makes when <paramref name="source"/> has no event of
    /// <paramref name="kind"/> within the interval; otherwise only counts it. True when it was written.
    /// </summary>
    public async Task<bool> AppendAsync(
        string source, UnauthenticatedFailure kind, Func<SuppressedFailures, AuditEventDraft> draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Admit(source, kind) is not { } suppressed)
        {
            _suppressed.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));
            return false;
        }

        await _auditLog.AppendAsync(draft(suppressed), cancellationToken);
        return true;
    }

    private SuppressedFailures? Admit(string source, UnauthenticatedFailure kind)
    {
        var now = _timeProvider.GetUtcNow();
        var interval = _options.Value.UnauthenticatedAuditInterval;
        lock (_gate)
        {
            var key = (source, kind);
            if (!_windows.ContainsKey(key) && _windows.Count >= MaxSources)
            {
                foreach (var expired in _windows.Where(w => now - w.Value.WrittenAt >= interval).Select(w => w.Key).ToList())
                {
                    _windows.Remove(expired);
                }

                key = _windows.Count >= MaxSources ? (ManySources, kind) : key;
            }

            if (_windows.TryGetValue(key, out var window) && now - window.WrittenAt < interval)
            {
                if (window.Suppressed == 0)
                {
                    LogSuppressing(key.Item1, kind, window.WrittenAt + interval);
                }

                _windows[key] = window with { Suppressed = window.Suppressed + 1, FirstSuppressedAt = window.FirstSuppressedAt ?? now };
                return null;
            }

            _windows[key] = new Window(now, 0, null);
            return window is null ? SuppressedFailures.None : new SuppressedFailures(window.Suppressed, window.FirstSuppressedAt);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Repeated {Kind} from {Source}: not audited again before {Until:O}; the next audit event carries the count")]
    private partial void LogSuppressing(string source, UnauthenticatedFailure kind, DateTimeOffset until);

    private sealed record Window(DateTimeOffset WrittenAt, int Suppressed, DateTimeOffset? FirstSuppressedAt);
}
