namespace Dashboard.Web.Features.BoardHistory;

/// <summary>
/// The past boards read in the last minute, so that one page load reads a moment once: the server's first
/// (prerendered) answer and the live circuit that follows it share one read, as do people who open the same
/// link together. A past board does not change, so a minute-old copy is as good as a new one; one that could not
/// read InfluxDB is not kept, so a reload tries again. At most <see cref="Capacity"/> boards are kept.
/// </summary>
public sealed class RecentPastBoards(BoardHistoryReader reader, TimeProvider clock)
{
    public const int Capacity = 16;

    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<(DateTimeOffset At, Guid? Rollout), (DateTimeOffset ReadAt, Task<BoardAt> Board)> _boards = [];

    /// <summary>The board at <paramref name="at"/> following <paramref name="requested"/>, read now or shared from a read within the last minute.</summary>
    public Task<BoardAt> GetAsync(DateTimeOffset at, Guid? requested)
    {
        var key = (at, requested);
        var now = clock.GetUtcNow();
        Task<BoardAt> board;
        lock (_gate)
        {
            foreach (var old in _boards.Where(entry => now - entry.Value.ReadAt > KeptFor).Select(entry => entry.Key).ToList())
            {
                _boards.Remove(old);
            }

            if (_boards.TryGetValue(key, out var kept))
            {
                return kept.Board;
            }

            if (_boards.Count >= Capacity)
            {
                _boards.Remove(_boards.MinBy(entry => entry.Value.ReadAt).Key);
            }

            // Not cancelled with one page: another may be waiting for the same read.
            board = reader.ReadAsync(at, requested, CancellationToken.None);
            _boards[key] = (now, board);
        }

        _ = board.ContinueWith(read => Forget(key, read), TaskScheduler.Default);
        return board;
    }

    private void Forget((DateTimeOffset At, Guid? Rollout) key, Task<BoardAt> read)
    {
        if (read.IsCompletedSuccessfully && read.Result.Snapshot is not null)
        {
            return;
        }

        lock (_gate)
        {
            if (_boards.TryGetValue(key, out var kept) && kept.Board == read)
            {
                _boards.Remove(key);
            }
        }
    }
}
