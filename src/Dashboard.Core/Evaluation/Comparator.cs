namespace Dashboard.Core.Evaluation;

/// <summary>How a measured value must relate to a threshold to pass.</summary>
public enum Comparator
{
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}

public static class ComparatorExtensions
{
    public static string Symbol(this Comparator comparator) => comparator switch
    {
        Comparator.LessThan => "<",
        Comparator.LessThanOrEqual => "≤",
        Comparator.GreaterThan => ">",
        Comparator.GreaterThanOrEqual => "≥",
        _ => comparator.ToString(),
    };

    public static bool Holds(this Comparator comparator, double value, double threshold) => comparator switch
    {
        Comparator.LessThan => value < threshold,
        Comparator.LessThanOrEqual => value <= threshold,
        Comparator.GreaterThan => value > threshold,
        Comparator.GreaterThanOrEqual => value >= threshold,
        _ => false,
    };

    /// <summary>True when larger values are better for this comparator.</summary>
    public static bool HigherIsBetter(this Comparator comparator) =>
        comparator is Comparator.GreaterThan or Comparator.GreaterThanOrEqual;
}
