namespace Dashboard.Web.Shared.Charts;

/// <summary>A point drawn as a dot: its centre in the drawing, written as the drawing writes coordinates.</summary>
public sealed record Dot(string X, string Y);
