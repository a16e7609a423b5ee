using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

/// <summary>
/// Loaded into the app's own process by the circuit benchmark (<c>DOTNET_STARTUP_HOOKS</c>, see
/// <see cref="Dashboard.Bench.CircuitCostBench"/>), so the product needs no endpoint of its own for it: each connection
/// to 127.0.0.1 on <c>WARROOM_BENCH_HEAP_PORT</c> forces a full, blocking, compacting GC and answers the managed heap
/// left, in bytes. The runtime finds the hook by this exact name, outside any namespace, and calls it before Main.
/// </summary>
internal static class StartupHook
{
    public const string PortVariable = "WARROOM_BENCH_HEAP_PORT";

    public static void Initialize()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(PortVariable), CultureInfo.InvariantCulture, out var port))
        {
            return;
        }

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        var thread = new Thread(() => Serve(listener)) { IsBackground = true, Name = "bench heap probe" };
        thread.Start();
    }

    private static void Serve(TcpListener listener)
    {
        while (true)
        {
            using var client = listener.AcceptTcpClient();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var answer = GC.GetTotalMemory(forceFullCollection: true).ToString(CultureInfo.InvariantCulture);
            client.GetStream().Write(Encoding.ASCII.GetBytes(answer));
        }
    }
}
