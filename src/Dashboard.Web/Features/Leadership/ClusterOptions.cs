namespace Dashboard.Web.Features.Leadership;

/// <summary>This instance among the others on one state store (section <c>Cluster</c>; docs/high-availability.md).</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>At most this many characters, so that the lease's PostgreSQL application name (63 at most) keeps it whole.</summary>
    public const int MaxInstanceNameLength = 48;

    /// <summary>
    /// The name this instance goes by in the logs and on <c>/readyz</c> as the lease holder; unique per instance.
    /// Default: the machine's name and the process id, which differ between two instances on one machine too.
    /// </summary>
    public string InstanceName { get; set; } = DefaultInstanceName();

    private static string DefaultInstanceName()
    {
        var name = $"{Environment.MachineName}-{Environment.ProcessId}";
        return name.Length <= MaxInstanceNameLength ? name : name[^MaxInstanceNameLength..];
    }
}
