namespace Dashboard.Core.Metrics;

/// <summary>
/// The mean of one gauge series (for example <c>learners.active</c> of one segment and region)
/// inside one time bucket starting at <paramref name="Bucket"/>.
/// </summary>
public readonly record struct GaugeSample(SeriesTags Tags, DateTimeOffset Bucket, double Value);
