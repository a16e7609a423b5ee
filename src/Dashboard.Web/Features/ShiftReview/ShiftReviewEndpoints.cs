using Dashboard.Web.Features.Shifts;
using Dashboard.Web.Shared;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.ShiftReview;

/// <summary>
/// The handoff review API (docs/shift-review.md). Any signed-in person or API key may read (the fallback member
/// policy); a kiosk may not. Thin: the rules live in <see cref="ReviewWindowQuery"/> and the services.
/// </summary>
public static class ShiftReviewEndpoints
{
    public const string TimelinePath = "/api/timeline";
    public const string ShiftReviewPath = "/api/shift-review";

    public static IEndpointRouteBuilder MapShiftReviewEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(TimelinePath, async (string? from, string? to, string? rolloutId, string? kind, ShiftTimelineService timeline, IOptions<ShiftOptions> shifts, TimeProvider time, CancellationToken ct) =>
                ReviewWindowQuery.Parse(from, to, rolloutId, kind, null, time.GetUtcNow(), LongestShift(shifts), out var problems) is { } query
                    ? Results.Ok(await timeline.ReadAsync(query.From, query.To, query.RolloutId, query.Kind, ct))
                    : Invalid(problems))
            .WithTags("Shift review").WithName("GetTimeline")
            .WithSummary("Everything that happened in [from, to) across every rollout, newest first, near-misses included; filter by rolloutId and kind. At most 7 days.")
            .Produces<IReadOnlyList<TimelineEntry>>().ProducesValidationProblem();
        endpoints.MapGet("/api/shifts/{id}/timeline", async (string id, string? rolloutId, string? kind, ShiftService shifts, ShiftTimelineService timeline, IOptions<ShiftOptions> options, TimeProvider time, CancellationToken ct) =>
            {
                var shift = await shifts.GetAsync(id, ct);
                if (shift.Value is not { } found)
                {
                    return shift.ToHttpResult(_ => "");
                }

                // A shift that has not started yet has nothing on its timeline; its window may reach past what the timeline reads.
                var now = time.GetUtcNow();
                if (found.Start > now)
                {
                    return Results.Ok(Array.Empty<TimelineEntry>());
                }

                var end = found.End < now ? found.End : now;
                return ReviewWindowQuery.Parse(Iso(found.Start), Iso(end <= found.Start ? found.Start.AddTicks(1) : end), rolloutId, kind, null, now, LongestShift(options), out var problems) is { } query
                    ? Results.Ok(await timeline.ReadAsync(query.From, query.To, query.RolloutId, query.Kind, ct))
                    : Invalid(problems);
            })
            .WithTags("Shift review").WithName("GetShiftTimeline")
            .WithSummary("The timeline of one shift (id as yyyyMMdd-HHmm, or current, previous, next) up to now, newest first; filter by rolloutId and kind.")
            .Produces<IReadOnlyList<TimelineEntry>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGet(ShiftReviewPath, async (string? from, string? to, string? nextTo, ShiftSummaryService summaries, WatchNextService watch, IOptions<ShiftOptions> shifts, TimeProvider time, CancellationToken ct) =>
                ReviewWindowQuery.Parse(from, to, null, null, nextTo, time.GetUtcNow(), LongestShift(shifts), out var problems) is { } query
                    ? Results.Ok(new ShiftReviewResponse(await summaries.BuildAsync(query.From, query.To, ct), await watch.ReadAsync(query.To, query.NextTo, ct)))
                    : Invalid(problems))
            .WithTags("Shift review").WithName("GetShiftReview")
            .WithSummary("The summary of [from, to) and what to watch in the next shift [to, nextTo) (nextTo defaults to a window as long as this one).")
            .Produces<ShiftReviewResponse>().ProducesValidationProblem();
        return endpoints;
    }

    // A window may end as far past now as the longest shift of the roster's patterns (Shifts:Patterns), so any current shift can be read whole.
    private static TimeSpan LongestShift(IOptions<ShiftOptions> shifts) => shifts.Value.EffectivePatterns.Max(p => p.Length);

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static IResult Invalid(Dictionary<string, string[]> problems) =>
        Outcomes.Invalid<ShiftReviewResponse>(problems).ToHttpResult(_ => "");
}
