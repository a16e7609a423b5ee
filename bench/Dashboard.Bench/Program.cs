using System.Globalization;
using Dashboard.Bench;

// Benchmarks that need the whole product running. Usage:
//   dotnet run -c Release --project bench/Dashboard.Bench -- latency [samples=20] [pollSeconds=5]
var mode = args.Length > 0 ? args[0] : "latency";
switch (mode)
{
    case "latency":
        var samples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var poll = TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 5);
        await PointToPageLatency.RunAsync(samples, poll);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{mode}'. Known: latency");
        return 2;
}
