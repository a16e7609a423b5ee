using Dashboard.Infrastructure.Influx;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>
/// The stored sums a checkpoint can reuse: the series of each statement of a family over
/// <c>[phase start, <see cref="End"/>)</c>, taken from chunks that join without a gap.
/// </summary>
internal sealed record ReusedSums(DateTimeOffset End, IReadOnlyList<IReadOnlyList<InfluxSeries>> Series)
{
    public static ReusedSums None(DateTimeOffset phaseStart, int statements) =>
        new(phaseStart, [.. Enumerable.Range(0, statements).Select(_ => (IReadOnlyList<InfluxSeries>)[])]);

    /// <summary>
    /// The longest run of <paramref name="chunks"/> from <paramref name="phaseStart"/> on, cut at <paramref name="end"/>
    /// (the last whole interval of the window). Where chunks overlap each interval is taken once, from the first
    /// that holds it; a chunk that does not hold one result per statement is ignored, so the read starts there.
    /// </summary>
    public static ReusedSums Of(IEnumerable<IntervalSumChunk> chunks, DateTimeOffset phaseStart, DateTimeOffset end, int statements)
    {
        var series = Enumerable.Range(0, statements).Select(_ => new List<InfluxSeries>()).ToList();
        var cursor = phaseStart;
        foreach (var chunk in chunks.Where(chunk => chunk.Results.Count == statements).OrderBy(chunk => chunk.From).ThenByDescending(chunk => chunk.To))
        {
            if (cursor >= end || chunk.From > cursor)
            {
                break;
            }

            if (chunk.To <= cursor)
            {
                continue;
            }

            var to = chunk.To < end ? chunk.To : end;
            for (var i = 0; i < statements; i++)
            {
                series[i].AddRange(Slice(chunk.Results[i].Series, cursor, to));
            }

            cursor = to;
        }

        return new ReusedSums(cursor, series);
    }

    /// <summary>
    /// Where the run of stored <paramref name="ranges"/> from <paramref name="phaseStart"/> on ends: the end <see cref="Of"/>
    /// reaches when nothing cuts it, found without reading any results.
    /// </summary>
    public static DateTimeOffset EndOf(IEnumerable<IntervalSumRange> ranges, DateTimeOffset phaseStart)
    {
        var cursor = phaseStart;
        foreach (var range in ranges.OrderBy(range => range.From).ThenByDescending(range => range.To))
        {
            if (range.From > cursor)
            {
                break;
            }

            cursor = range.To > cursor ? range.To : cursor;
        }

        return cursor;
    }

    /// <summary>The rows of <paramref name="series"/> whose interval starts in <c>[from, to)</c>; series left empty are dropped.</summary>
    public static IReadOnlyList<InfluxSeries> Slice(IEnumerable<InfluxSeries> series, DateTimeOffset from, DateTimeOffset to) =>
        [.. series
            .Select(one => one with
            {
                Values = [.. Enumerable.Range(0, one.Values.Count).Where(row => one.GetTime(row) >= from && one.GetTime(row) < to).Select(row => one.Values[row])],
            })
            .Where(one => one.Values.Count > 0)];
}
