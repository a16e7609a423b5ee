using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Dashboard.Web.Features.Logging;

public static class SerilogSetup
{
    /// <summary>
    /// Structured console output plus a daily rolling compact-JSON file under <c>Logs:Folder</c>.
    /// Levels come from the <c>Serilog</c> section when present. Secrets never reach a log: options
    /// holding them are not logged, request logging records the path without the query string, and every value
    /// passes <see cref="SafeLogValues"/> last (kiosk and set-up tokens redacted, control characters escaped).
    /// </summary>
    public static WebApplicationBuilder AddDashboardLogging(this WebApplicationBuilder builder)
    {
        var logs = builder.Configuration.GetSection(LogsOptions.Section).Get<LogsOptions>() ?? new LogsOptions();
        if (string.IsNullOrWhiteSpace(logs.Folder))
        {
            throw new InvalidOperationException($"{LogsOptions.Section}:Folder must not be empty.");
        }

        builder.Services.AddSerilog((services, configuration) => configuration
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With<SafeLogValues>()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}")
            .WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(Path.GetFullPath(logs.Folder), "warroom-.json"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: Math.Max(1, logs.RetainedFiles)));
        return builder;
    }
}
