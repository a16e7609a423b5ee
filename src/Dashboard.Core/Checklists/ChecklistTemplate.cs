namespace Dashboard.Core.Checklists;

/// <summary>A pre-flight checklist that a plan attaches to a gate (<c>PhaseGate.ChecklistTemplateId</c>).</summary>
public sealed record ChecklistTemplate(string Id, string Name, IReadOnlyList<ChecklistItemTemplate> Items);

/// <summary>One item of a checklist; <see cref="Id"/> is stable so ticks survive a reworded text.</summary>
public sealed record ChecklistItemTemplate(string Id, string Text);
