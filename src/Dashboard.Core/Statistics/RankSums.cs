namespace Dashboard.Core.Statistics;

/// <summary>
/// Mid-ranks of the pooled sample x ∪ y, reduced to what the U test needs: the rank sum of x
/// and Σ(t³ − t) over groups of t tied values.
/// </summary>
internal readonly record struct RankSums(double SumOfXRanks, double TieCorrection)
{
    public bool HasTies => TieCorrection > 0;

    /// <summary>Ranks two samples, each sorted ascending, by merging them.</summary>
    public static RankSums Of(double[] x, double[] y)
    {
        int i = 0, j = 0, nextRank = 1;
        double sumOfXRanks = 0, tieCorrection = 0;
        while (i < x.Length || j < y.Length)
        {
            var value = j >= y.Length || (i < x.Length && x[i] <= y[j]) ? x[i] : y[j];
            var fromX = 0;
            while (i < x.Length && x[i] == value)
            {
                fromX++;
                i++;
            }

            var fromY = 0;
            while (j < y.Length && y[j] == value)
            {
                fromY++;
                j++;
            }

            // A group of t tied values shares the mean of the ranks it spans.
            double tied = fromX + fromY;
            var midRank = nextRank + ((tied - 1) / 2);
            sumOfXRanks += fromX * midRank;
            tieCorrection += (tied * tied * tied) - tied;
            nextRank += fromX + fromY;
        }

        return new RankSums(sumOfXRanks, tieCorrection);
    }
}
