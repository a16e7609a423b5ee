namespace Dashboard.Core.Checklists;

/// <summary>A person ticked (or un-ticked) one item; every tick is kept, the latest per item counts.</summary>
public sealed record ChecklistTick(string ItemId, bool Ticked, string By, DateTimeOffset At);
