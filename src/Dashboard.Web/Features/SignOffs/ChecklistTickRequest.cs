namespace Dashboard.Web.Features.SignOffs;

/// <summary>Body of <c>PUT /api/rollouts/{id}/phases/{phaseIndex}/checklist/{itemId}</c>: true ticks the item, false takes the tick back.</summary>
public sealed record ChecklistTickRequest(bool? Ticked);
