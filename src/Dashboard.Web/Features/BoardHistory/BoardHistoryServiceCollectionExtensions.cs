namespace Dashboard.Web.Features.BoardHistory;

public static class BoardHistoryServiceCollectionExtensions
{
    /// <summary>The past-board reader. Needs the metrics reader, the state store and <c>AddLiveMetrics</c> (its window and staleness rule).</summary>
    public static IServiceCollection AddBoardHistory(this IServiceCollection services)
    {
        services.AddSingleton<BoardHistoryReader>();
        services.AddSingleton<RecentPastBoards>();
        return services;
    }
}
