namespace Dashboard.Web.Features.ShiftReview;

/// <summary>The answer of <c>GET /api/shift-review</c>: the window's summary and what the next shift must watch.</summary>
public sealed record ShiftReviewResponse(ShiftSummary Summary, WatchNext WatchNext);
