namespace Dashboard.Web.Features.SignOffs;

/// <summary>
/// One checklist item and its latest tick of the phase's current run: <see cref="By"/> and <see cref="At"/>
/// name who last touched it (a tick, or taking one back), null when nobody did.
/// </summary>
public sealed record ChecklistItemView(string Id, string Text, bool Ticked, string? By, DateTimeOffset? At);
