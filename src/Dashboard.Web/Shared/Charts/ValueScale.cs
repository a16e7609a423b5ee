using System.Globalization;

namespace Dashboard.Web.Shared.Charts;

/// <summary>
/// A chart's value axis fitted to what it draws (the values and the threshold line): a little room above and
/// below, round steps (1, 2, 2.5 or 5 × 10ⁿ), and no negative part for values that cannot be negative. A single
/// value of 0.276 gets an axis around it, not 0–20.
/// </summary>
public sealed record ValueScale(double Min, double Max, double Step)
{
    private const int TargetSteps = 4;

    /// <summary>The tick values from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IReadOnlyList<double> Ticks
    {
        get
        {
            var count = (int)Math.Round((Max - Min) / Step);
            return [.. Enumerable.Range(0, count + 1).Select(i => Math.Round(Min + (i * Step), Decimals + 2))];
        }
    }

    /// <summary>A tick's text, with as many decimals as the step needs.</summary>
    public string Label(double tick) => tick.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    // A step is 1, 2, 2.5 or 5 × 10ⁿ: its decimals are −n, one more for 2.5.
    private int Decimals
    {
        get
        {
            var exponent = (int)Math.Floor(Math.Log10(Step) + 1e-9);
            var mantissa = Step / Math.Pow(10, exponent);
            return Math.Max(0, -exponent + (Math.Abs(mantissa - 2.5) < 1e-9 ? 1 : 0));
        }
    }

    /// <summary>Fits the axis to <paramref name="values"/>; an empty chart gets 0–1.</summary>
    public static ValueScale Fit(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new(0, 1, 0.25);
        }

        var low = values.Min();
        var high = values.Max();
        var span = high - low;
        var pad = span > 0 ? span * 0.1 : Math.Max(Math.Abs(high) * 0.5, 0.5);
        var bottom = low - pad;
        var top = high + pad;
        if (low >= 0 && bottom < 0)
        {
            bottom = 0;
        }

        var step = Nice((top - bottom) / TargetSteps);
        var min = Math.Floor((bottom / step) + 1e-9) * step;
        var max = Math.Ceiling((top / step) - 1e-9) * step;
        return new(min, max > min ? max : min + step, step);
    }

    private static double Nice(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        var nice = fraction switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 2.5 => 2.5,
            <= 5 => 5,
            _ => 10,
        };
        return nice * magnitude;
    }
}
