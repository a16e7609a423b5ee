namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// ln Γ(x) for x &gt; 0 (.NET has none): the Lanczos approximation with g = 7 and 9 coefficients
/// (relative error below 1e-14 for x ≥ 0.5), and the reflection Γ(x)Γ(1−x) = π / sin(πx) below 0.5.
/// The beta-binomial mixture of <see cref="ProportionSequence"/> needs it for large counts.
/// </summary>
public static class LogGamma
{
    private const double G = 7;

    private static readonly double[] Coefficients =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    public static double Of(double x)
    {
        if (double.IsNaN(x) || x <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "ln Γ is defined here for x > 0 only.");
        }

        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - Of(1 - x);
        }

        x -= 1;
        var sum = Coefficients[0];
        for (var i = 1; i < Coefficients.Length; i++)
        {
            sum += Coefficients[i] / (x + i);
        }

        var t = x + G + 0.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).</summary>
    public static double Beta(double a, double b) => Of(a) + Of(b) - Of(a + b);
}
