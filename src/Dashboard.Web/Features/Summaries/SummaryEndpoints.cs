using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Features.Summaries;

/// <summary>
/// The executive summaries API (docs/summaries.md): read only, for every signed-in member (the fallback policy;
/// kiosks are not members). Summaries are written by automation at their milestones, never through the API.
/// </summary>
public static class SummaryEndpoints
{
    public const string MarkdownFormat = "markdown";
    public const string JsonFormat = "json";

    public static IEndpointRouteBuilder MapSummaryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var rollouts = endpoints.MapGroup(RolloutEndpoints.RolloutsPath).WithTags("Summaries");
        rollouts.MapGet("/{id:guid}/summaries", async (Guid id, RolloutStore store, SummaryReader summaries, CancellationToken ct) =>
                await store.FindAsync(id, ct) is null
                    ? NotFound($"Rollout {id} does not exist.")
                    : Results.Json(await summaries.ListAsync(id, ct), SummaryJson.Options))
            .WithName("ListSummaries")
            .WithSummary("The rollout's executive summaries, in the order their periods ended: title, milestone, outlook and verdict.")
            .Produces<IReadOnlyList<SummaryListItem>>().ProducesProblem(StatusCodes.Status404NotFound);
        rollouts.MapGet("/{id:guid}/summaries/{summaryId:guid}", async (Guid id, Guid summaryId, string? format, HttpRequest request, SummaryReader summaries, CancellationToken ct) =>
            {
                if (format is not (null or JsonFormat or MarkdownFormat))
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["format"] = [$"'{format}' is not a format: use '{JsonFormat}' or '{MarkdownFormat}'."] },
                        detail: "The request is invalid.");
                }

                if (await summaries.FindAsync(id, summaryId, ct) is not { } summary)
                {
                    return NotFound($"Rollout {id} has no summary {summaryId}.");
                }

                return WantsMarkdown(format, request)
                    ? Results.Text(SummaryMarkdown.Write(summary), $"{SummaryMarkdown.ContentType}; charset=utf-8")
                    : Results.Json(summary, SummaryJson.Options);
            })
            .WithName("GetSummary")
            .WithSummary("One executive summary as stored: JSON, or Markdown with ?format=markdown or Accept: text/markdown.")
            .Produces<ExecutiveSummary>().Produces<string>(contentType: SummaryMarkdown.ContentType)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static bool WantsMarkdown(string? format, HttpRequest request) => format switch
    {
        MarkdownFormat => true,
        JsonFormat => false,
        _ => request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals(SummaryMarkdown.ContentType, StringComparison.OrdinalIgnoreCase)),
    };

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");
}
