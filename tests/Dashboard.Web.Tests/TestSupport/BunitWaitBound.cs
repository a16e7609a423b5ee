using System.Runtime.CompilerServices;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>
/// Sets the bound of every bUnit <c>WaitFor…</c> in this assembly once, before any test runs. bUnit's default
/// of one second is shorter than a render takes on a two-core CI machine that runs all four test projects at
/// once: a fresh-clone run failed a fault-panel wait whose check had not even started after one second. A
/// wait still returns the moment its condition holds, so the bound costs nothing when the code is right and
/// only decides how long a wrong one takes to fail.
/// </summary>
internal static class BunitWaitBound
{
    [ModuleInitializer]
    internal static void Apply() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
}
