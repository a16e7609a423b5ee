using Microsoft.Extensions.Options;

namespace Dashboard.Web.Configuration;

/// <summary>
/// Validates every option class before the host starts, so a bad setting stops the app with one
/// clear line naming the key instead of a stack trace.
/// </summary>
public static class StartupConfigurationCheck
{
    /// <summary>Returns null when the configuration is valid, otherwise the problems in one line.</summary>
    public static string? FindProblems(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return null;
        }
        catch (OptionsValidationException ex)
        {
            return string.Join(" ", ex.Failures);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return string.Join(" ", ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // The binder names the key, e.g. "Failed to convert configuration value at 'Influx:Timeout' to type ...".
            return ex.Message;
        }
    }
}
