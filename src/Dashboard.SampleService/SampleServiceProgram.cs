using Dashboard.SampleService.Load;

namespace Dashboard.SampleService;

/// <summary>
/// Entry point. <c>load …</c> runs the load generator; anything else runs the sample service
/// (ASP.NET Core arguments such as <c>--urls</c> and <c>--Sample:Cohort canary</c>).
/// </summary>
public static class SampleServiceProgram
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "load")
        {
            return await LoadGeneratorCommand.RunAsync(args[1..], Console.Out).ConfigureAwait(false);
        }

        var app = SampleServiceApp.Build(args);
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
