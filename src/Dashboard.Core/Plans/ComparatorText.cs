using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Plans;

/// <summary>
/// Comparators as plan files write them: "&lt;", "&lt;=", "&gt;", "&gt;=" (also "≤", "≥") or the
/// enum names in any case ("lessThan", "GreaterThanOrEqual"). Files are written with the ASCII symbols.
/// </summary>
public static class ComparatorText
{
    public const string Accepted = "<, <=, >, >= or lessThan, lessThanOrEqual, greaterThan, greaterThanOrEqual";

    public static bool TryParse(string? text, out Comparator comparator)
    {
        comparator = default;
        switch (text?.Trim())
        {
            case "<":
                comparator = Comparator.LessThan;
                return true;
            case "<=" or "≤":
                comparator = Comparator.LessThanOrEqual;
                return true;
            case ">":
                comparator = Comparator.GreaterThan;
                return true;
            case ">=" or "≥":
                comparator = Comparator.GreaterThanOrEqual;
                return true;
            case { } name when name.Length > 0 && char.IsAsciiLetter(name[0]):
                return Enum.TryParse(name, ignoreCase: true, out comparator) && Enum.IsDefined(comparator);
            default:
                return false;
        }
    }

    public static string Format(Comparator comparator) => comparator switch
    {
        Comparator.LessThan => "<",
        Comparator.LessThanOrEqual => "<=",
        Comparator.GreaterThan => ">",
        Comparator.GreaterThanOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(comparator), comparator, "Unknown comparator."),
    };
}
