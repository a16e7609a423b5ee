namespace Dashboard.Web.Features.Summaries;

/// <summary>Where summaries live, for links.</summary>
public static class SummaryRoutes
{
    public static string Page(Guid rolloutId, Guid summaryId) => $"/rollouts/{rolloutId}/summaries/{summaryId}";

    public static string Api(Guid rolloutId, Guid summaryId) => $"/api/rollouts/{rolloutId}/summaries/{summaryId}";

    public static string Markdown(Guid rolloutId, Guid summaryId) => $"{Api(rolloutId, summaryId)}?format=markdown";
}
