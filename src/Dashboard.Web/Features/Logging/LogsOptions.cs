namespace Dashboard.Web.Features.Logging;

/// <summary>Where the rolling log files go (section <c>Logs</c>).</summary>
public sealed class LogsOptions
{
    public const string Section = "Logs";

    /// <summary>Folder for the daily rolling JSON log files; relative paths are taken from the working directory.</summary>
    public string Folder { get; set; } = "logs";

    /// <summary>How many daily files to keep.</summary>
    public int RetainedFiles { get; set; } = 14;
}
