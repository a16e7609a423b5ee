using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Shared.Charts;

/// <summary>
/// The annotations of a time range — traffic changes, phase changes, holds, rollbacks and incidents — as
/// persisted. Lives in Shared so that any feature's chart can show them without depending on the features
/// that record them.
/// </summary>
public interface IChartAnnotationSource
{
    /// <summary>
    /// The annotations in [<paramref name="from"/>, <paramref name="to"/>], oldest first: of
    /// <paramref name="rolloutId"/> only, or of every rollout when null.
    /// </summary>
    Task<IReadOnlyList<ChartAnnotation>> ReadAsync(DateTimeOffset from, DateTimeOffset to, Guid? rolloutId, CancellationToken cancellationToken = default);

    /// <summary>The id of each rollout whose annotations may have changed, as it is saved.</summary>
    IChangeFeed<Guid> Changes { get; }
}
