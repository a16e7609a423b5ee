using System.Text;
using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace Dashboard.Web.Features.Logging;

/// <summary>
/// Makes every logged value safe to write (docs/security.md, "Logs"): kiosk link tokens (<c>/kiosk/…</c>, <c>/k/…</c>)
/// and <c>token=</c> / <c>code=</c> query values are replaced by <see cref="Redacted"/>, and control characters
/// (a newline in a user name or a path) are escaped as <c>\n</c> or <c>\u001b</c>, so a value can neither leak
/// a credential nor start a forged log line. Runs last, over every property of every event: request logging's
/// <c>RequestPath</c>, the services' own messages and the framework's alike.
/// </summary>
public sealed partial class SafeLogValues : ILogEventEnricher
{
    public const string Redacted = "[redacted]";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (Clean(value) is { } cleaned)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, cleaned));
            }
        }
    }

    /// <summary><paramref name="text"/> with tokens redacted and control characters escaped.</summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var redacted = QueryToken().Replace(KioskPath().Replace(text, "$1" + Redacted), "$1" + Redacted);
        if (!redacted.Any(char.IsControl))
        {
            return redacted;
        }

        var escaped = new StringBuilder(redacted.Length + 8);
        foreach (var c in redacted)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>The cleaned value, or null when it needs no change (most values: nothing is copied).</summary>
    private static LogEventPropertyValue? Clean(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when Sanitize(text) is var safe && safe != text => new ScalarValue(safe),
        SequenceValue sequence when sequence.Elements.Any(e => Clean(e) is not null) =>
            new SequenceValue(sequence.Elements.Select(e => Clean(e) ?? e)),
        StructureValue structure when structure.Properties.Any(p => Clean(p.Value) is not null) =>
            new StructureValue(structure.Properties.Select(p => Clean(p.Value) is { } c ? new LogEventProperty(p.Name, c) : p), structure.TypeTag),
        DictionaryValue dictionary when dictionary.Elements.Any(e => Clean(e.Value) is not null) =>
            new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Clean(e.Value) ?? e.Value))),
        _ => null,
    };

    // The kiosk routes (KioskTokens.PathPrefix, KioskShortCode.PathPrefix): what follows the prefix is the credential.
    [GeneratedRegex(@"(/kiosk/|/k/)[^/?#\s""]+", RegexOptions.CultureInvariant)]
    private static partial Regex KioskPath();

    // The set-up link (/setup?token=…) and any other one-time token or code in a query string.
    [GeneratedRegex(@"([?&](?:token|code)=)[^&#\s""]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex QueryToken();
}
