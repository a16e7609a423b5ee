using Dashboard.Infrastructure.Influx;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>
/// What one metric family of a checkpoint was read as: its sums per stored interval over the whole window
/// (reused and fresh together, each interval once), the learners gauge's sums per series and interval (revenue
/// only), and the last interval's own sums when it does not start on the sample grid. A family whose read
/// failed carries only <see cref="Failure"/>.
/// </summary>
internal sealed record FamilyAnswer(
    MetricFamily Family,
    IReadOnlyList<InfluxSeries> Sums,
    IReadOnlyList<InfluxSeries> LearnerSums,
    IReadOnlyList<InfluxSeries>? LastInterval,
    string? Failure = null)
{
    public static FamilyAnswer Failed(MetricFamily family, string failure) => new(family, [], [], null, failure);
}
