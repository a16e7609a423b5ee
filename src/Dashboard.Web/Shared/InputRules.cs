using System.Globalization;

namespace Dashboard.Web.Shared;

/// <summary>
/// The rules a form applies where a value is typed and its service applies again on the server, in the
/// same words: each answers the problem in words, or null when the value is fine. None of them changes a
/// value — a war-room tool never acts on a number the person did not type (docs/rollouts-ui.md, "Refuse,
/// never clamp"). Services put the answers into <see cref="Outcome{T}.Problems"/> by field.
/// </summary>
public static class InputRules
{
    /// <summary>The longest reason the audit log takes for an action.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>The longest service name or version.</summary>
    public const int MaxNameLength = 200;

    /// <summary>A reason for the audit log: required, not whitespace alone, at most <see cref="MaxReasonLength"/> characters.</summary>
    public static string? Reason(string? text) => RequiredText(text, MaxReasonLength, "a reason is required: say why");

    /// <summary>Text that must say something: not missing, not whitespace alone, and at most <paramref name="maxLength"/> characters once trimmed.</summary>
    /// <param name="text">What was typed.</param>
    /// <param name="maxLength">The longest allowed, trimmed.</param>
    /// <param name="whenMissing">What to say when nothing (or only spaces) was typed.</param>
    public static string? RequiredText(string? text, int maxLength, string whenMissing)
    {
        ArgumentException.ThrowIfNullOrEmpty(whenMissing);
        if (string.IsNullOrWhiteSpace(text))
        {
            return whenMissing;
        }

        var length = text.Trim().Length;
        return length > maxLength
            ? string.Create(CultureInfo.InvariantCulture, $"must be at most {maxLength} characters (this is {length})")
            : null;
    }

    /// <summary>A whole number typed as text, within <paramref name="min"/>..<paramref name="max"/>; <paramref name="value"/> is set only when it is fine.</summary>
    public static string? WholeNumber(string? typed, int min, int max, out int value)
    {
        value = 0;
        var range = Between(min, max);
        if (string.IsNullOrWhiteSpace(typed))
        {
            return $"required: a whole number {range}";
        }

        if (!int.TryParse(typed.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return $"'{typed.Trim()}' is not a whole number {range}";
        }

        if (WholeNumber(parsed, min, max) is { } outside)
        {
            return outside;
        }

        value = parsed;
        return null;
    }

    /// <summary>A whole number within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static string? WholeNumber(int value, int min, int max) =>
        value < min || value > max ? string.Create(CultureInfo.InvariantCulture, $"must be {Between(min, max)} (not {value})") : null;

    /// <summary>A number typed as text (a dot for decimals); <paramref name="value"/> is set only when it parses.</summary>
    public static string? Number(string? typed, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(typed))
        {
            return "required: a number";
        }

        if (!double.TryParse(typed.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            || !double.IsFinite(parsed))
        {
            return $"'{typed.Trim()}' is not a number: use digits and a dot for decimals";
        }

        value = parsed;
        return null;
    }

    private static string Between(int min, int max) => string.Create(CultureInfo.InvariantCulture, $"between {min} and {max}");
}
