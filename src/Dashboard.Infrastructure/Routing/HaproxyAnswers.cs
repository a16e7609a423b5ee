using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Core.Routing;

namespace Dashboard.Infrastructure.Routing;

/// <summary>
/// Reads HAProxy's runtime-API answers: <c>set server … weight</c> answers nothing on success and a
/// line of text on failure ("No such server.", "Permission denied"); <c>get weight</c> answers
/// <c>10 (initial 100)</c> or a line of text.
/// </summary>
internal static partial class HaproxyAnswers
{
    /// <summary>HAProxy's largest server weight.</summary>
    public const int MaxWeight = 256;

    /// <summary>Returns normally when <paramref name="answer"/> to a <c>set</c> command is empty (success).</summary>
    public static void RequireSetSucceeded(string command, string answer)
    {
        var text = answer.Trim();
        if (text.Length > 0)
        {
            throw new TrafficRouterException($"HAProxy refused '{command}': {text}", text);
        }
    }

    /// <summary>The current weight from a <c>get weight</c> answer; anything else is the router's error.</summary>
    public static int ParseWeight(string command, string answer)
    {
        var text = answer.Trim();
        var match = WeightAnswer().Match(text);
        if (match.Success
            && int.TryParse(match.Groups["current"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var weight)
            && weight <= MaxWeight)
        {
            return weight;
        }

        if (text.Length == 0)
        {
            throw new TrafficRouterException($"HAProxy gave an empty answer to '{command}'.", routerMessage: null);
        }

        throw new TrafficRouterException($"HAProxy did not report a weight for '{command}': {text}", text);
    }

    [GeneratedRegex(@"^(?<current>\d{1,3}) \(initial \d{1,3}\)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WeightAnswer();
}
