namespace Dashboard.Web.Features.Rollouts;

/// <summary>Where custom plan files are read from (section <c>Plans</c>).</summary>
public sealed class PlansOptions
{
    public const string Section = "Plans";

    /// <summary>
    /// A folder of plan files (<c>*.json</c>, docs/plans.md), read once at first use; relative paths
    /// are taken from the working directory. Empty: no plan files.
    /// </summary>
    public string Folder { get; set; } = "plans";
}
