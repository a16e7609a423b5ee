namespace Dashboard.Web.Features.SignOffs;

/// <summary>
/// The gate's checklist. <see cref="Items"/> is empty when the plan names a template the app does not know
/// (the gate then stays closed, and the summary says so).
/// </summary>
public sealed record GateChecklistView(string TemplateId, string Name, bool IsComplete, IReadOnlyList<ChecklistItemView> Items);
