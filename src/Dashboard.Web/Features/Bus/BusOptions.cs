namespace Dashboard.Web.Features.Bus;

/// <summary>The bus between instances (section <c>Bus</c>, docs/high-availability.md#bus).</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>127.0.0.1:6379</c>, <c>redis:6379,password=…</c>). Absent: the
    /// instance runs alone and every change stays in the process.
    /// </summary>
    public string? Redis { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Redis);

    /// <summary>Whether <paramref name="configuration"/> names a Redis, for registrations made before options exist.</summary>
    public static bool IsConfiguredIn(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetSection(Section)[nameof(Redis)]);
}
