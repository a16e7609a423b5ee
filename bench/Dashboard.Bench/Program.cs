using System.Globalization;
using Dashboard.Bench;

// Benchmarks that need the whole product running. Usage:
//   dotnet run -c Release --project bench/Dashboard.Bench -- latency [samples=20] [pollSeconds=5]
//   dotnet run -c Release --project bench/Dashboard.Bench -- ui-traffic [samples=20] [splitSamples=4] [appUrl=http://127.0.0.1:5000] [runtimeApi=tcp:127.0.0.1:9999]
//     (needs ./run.sh --real-traffic running)
//   dotnet run -c Release --project bench/Dashboard.Bench -- checkpoint-eval [runs=10] [topUpRuns=runs]   (36 h of 5 s data, 3 segments × 3 regions; full read, reusing the earlier checkpoints' sums, with the top-up)
//   dotnet run -c Release --project bench/Dashboard.Bench -- summary [runs=10]           (the 36 h summary over the same data)
//   dotnet run -c Release --project bench/Dashboard.Bench -- guardrail [runs=10]   (first bad point written → router at 0 %)
//   dotnet run -c Release --project bench/Dashboard.Bench -- backtest [runs=100] [healthyRuns=1000] [scenarios=all] [rates=1,5,50] [designs=monitor]   (sequential judge vs old rule on simulated canaries; e.g. backtest 100 1000 10x@3m,healthy 5 monitor+oracle)
//   dotnet run -c Release --project bench/Dashboard.Bench -- board-at [runs=10]   (the board at T: 6 h of 5 s data, ~10,000 audit events)
//   dotnet run -c Release --project bench/Dashboard.Bench -- access [signIns=20] [requests=500]   (what sign-in and per-request authentication cost)
//   dotnet run -c Release --project bench/Dashboard.Bench -- shift-review [runs=20] [events=10000]   (timeline + summary of an 8 h shift, 3 rollouts)
//   dotnet run -c Release --project bench/Dashboard.Bench -- demo-guardrail [runs=5] [healthyMinutes=0] [after-healthy]   (quick start defaults: start → guardrails see; errorSpike 3 → router at 0 %)
//   dotnet run -c Release --project bench/Dashboard.Bench -- circuits [pages=21] [runs=10]   (server heap per open page of / and /warroom; 1 h → 36 h switch)
//   dotnet run -c Release --project bench/Dashboard.Bench -- fan-out [clients=1000] [seconds=30]   (state messages to /hubs/live clients at a 1 s poll)
//   dotnet run -c Release --project bench/Dashboard.Bench -- state-store [runs=50]   (a traffic change's save + audit + read back, PostgreSQL vs SQLite)
//   dotnet run -c Release --project bench/Dashboard.Bench -- bus [runs=20]   (a traffic change saved through instance A → B's hub client and B's rollout page)
//   dotnet run -c Release --project bench/Dashboard.Bench -- audit-chain [writes=2000] [events=100000] [runs=5]   (keyed vs unkeyed cost per audit write; verifying 100,000 events)
//   dotnet run -c Release --project bench/Dashboard.Bench -- failover [runs=10]   (two instances on PostgreSQL: SIGKILL of the lease holder → the survivor acts)
//   dotnet run -c Release --project bench/Dashboard.Bench -- influx-queries [minutes=3] [viewers=25] [pages|hub]   (influxd's queries per minute: 1 instance × 1 viewer vs 2 instances × viewers)
//   dotnet run -c Release --project bench/Dashboard.Bench -- screenshot URL FILE [width=1600] [height=1000] [waitFor=.mud-chart-serie]
var mode = args.Length > 0 ? args[0] : "latency";
switch (mode)
{
    case "latency":
        var samples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var poll = TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 5);
        await PointToPageLatency.RunAsync(samples, poll);
        return 0;
    case "ui-traffic":
        await UiTrafficLatency.RunAsync(
            new Uri(args.Length > 3 ? args[3] : "http://127.0.0.1:5000"),
            args.Length > 4 ? args[4] : "tcp:127.0.0.1:9999",
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4);
        return 0;
    case "checkpoint-eval":
        var checkpointRuns = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        await CheckpointEvaluationBench.RunAsync(checkpointRuns, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : checkpointRuns);
        return 0;
    case "summary":
        await SummaryGenerationBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10);
        return 0;
    case "guardrail":
        await GuardrailRollbackBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10);
        return 0;
    case "demo-guardrail":
        await DemoGuardrailBench.RunAsync(
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0,
            args.Length > 3 && args[3] == "after-healthy");
        return 0;
    case "backtest":
        GuardrailBacktestBench.Run(args[1..]);
        return 0;
    case "board-at":
        await BoardAtBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10);
        return 0;
    case "access":
        await AccessCostBench.RunAsync(
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500);
        return 0;
    case "shift-review":
        await ShiftReviewBench.RunAsync(
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000);
        return 0;
    case "circuits":
        await CircuitCostBench.RunAsync(
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 21,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10);
        return 0;
    case "fan-out":
        await FanOutBench.RunAsync(
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30);
        return 0;
    case "state-store":
        await StateStoreBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50);
        return 0;
    case "bus":
        await BusPropagationBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20);
        return 0;
    case "audit-chain":
        await AuditChainBench.RunAsync(
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000,
            args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5);
        return 0;
    case "failover":
        await LeaseFailoverBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10);
        return 0;
    case "influx-queries":
        await InfluxQueryLoadBench.RunAsync(
            args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 25,
            args.Length > 3 && args[3] == "hub");
        return 0;
    case "screenshot" when args.Length >= 3:
        var width = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1600;
        var height = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 1000;
        await PageScreenshot.RunAsync(new Uri(args[1]), args[2], width, height, args.Length > 5 ? args[5] : ".mud-chart-serie");
        return 0;
    default:
        Console.Error.WriteLine($"Unknown mode '{mode}'. Known: latency, ui-traffic, checkpoint-eval, summary, guardrail, backtest, board-at, access, shift-review, circuits, fan-out, state-store, bus, audit-chain, demo-guardrail, failover, influx-queries, screenshot URL FILE");
        return 2;
}
