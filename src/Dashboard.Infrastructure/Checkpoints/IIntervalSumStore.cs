namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>
/// Where the checkpoint evaluator keeps the settled per-interval sums of a phase run for the next checkpoints
/// (the state store, so they survive a restart and are shared by every instance). A store that fails is a
/// cache miss: the evaluator reads InfluxDB in full, never answers from less.
/// </summary>
public interface IIntervalSumStore
{
    /// <summary>Every chunk stored for this phase run, family and shape, in any order.</summary>
    Task<IReadOnlyList<IntervalSumChunk>> LoadAsync(PhaseRunKey run, string family, string shape, CancellationToken cancellationToken = default);

    /// <summary>The ranges of the same chunks, without reading their results: what the top-up asks every tick.</summary>
    Task<IReadOnlyList<IntervalSumRange>> RangesAsync(PhaseRunKey run, string family, string shape, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="chunk"/>, replacing the chunks of the same family and shape that lie inside its range.</summary>
    Task SaveAsync(PhaseRunKey run, IntervalSumChunk chunk, CancellationToken cancellationToken = default);

    /// <summary>Every phase run with stored chunks, for pruning.</summary>
    Task<IReadOnlyList<IntervalSumRun>> RunsAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes every chunk of <paramref name="run"/>; returns how many.</summary>
    Task<int> DeleteAsync(PhaseRunKey run, CancellationToken cancellationToken = default);
}
