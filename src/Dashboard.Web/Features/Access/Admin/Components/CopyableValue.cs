namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>One value <see cref="CopyValueDialog"/> shows with its own copy button; <see cref="TestId"/> marks the value element.</summary>
public sealed record CopyableValue(string Label, string Value, string TestId);
