namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>One line of a confirmation dialog: what changes, from what, to what.</summary>
public sealed record ChangeLine(string What, string From, string To)
{
    public bool Changes => !string.Equals(From, To, StringComparison.Ordinal);
}
