using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Features.Summaries;

/// <summary>Reads stored summaries back exactly as they were written; the page, the API and the exports all read here.</summary>
public sealed class SummaryReader(ExecutiveSummaryStore store)
{
    public async Task<IReadOnlyList<SummaryListItem>> ListAsync(Guid rolloutId, CancellationToken cancellationToken = default) =>
        [.. (await store.ListAsync(rolloutId, cancellationToken)).Select(record => SummaryListItem.From(SummaryJson.Read(record)))];

    public async Task<ExecutiveSummary?> FindAsync(Guid rolloutId, Guid summaryId, CancellationToken cancellationToken = default) =>
        await store.FindAsync(rolloutId, summaryId, cancellationToken) is { } record ? SummaryJson.Read(record) : null;
}
