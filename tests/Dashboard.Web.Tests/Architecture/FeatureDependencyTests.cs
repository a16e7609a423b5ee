using Dashboard.Web.Shared;

namespace Dashboard.Web.Tests.Architecture;

/// <summary>
/// The dependency rule of docs/architecture.md, checked on the compiled web assembly: features never depend on
/// each other in a circle, and neither a feature nor Shared depends on the composition layer (Components); Shared
/// depends on no feature.
/// </summary>
public sealed class FeatureDependencyTests
{
    private const string Features = "Dashboard.Web.Features.";
    private static readonly IReadOnlyDictionary<Type, HashSet<Type>> References = WebTypeReferences.Of(typeof(Outcome<>).Assembly);

    [Fact]
    public void Features_NeverDependOnEachOtherInACircle()
    {
        var graph = FeatureGraph();
        var cycles = graph.Keys
            .Select(start => PathBack(graph, start))
            .Where(path => path is not null)
            .Select(path => string.Join(" → ", path!))
            .Distinct()
            .ToList();

        Assert.True(cycles.Count == 0, "Feature folders in a circle:\n" + string.Join("\n", cycles) + "\n" + Explain(graph));
    }

    [Fact]
    public void SharedAndFeatures_NeverDependOnTheCompositionLayer()
    {
        var offending = References
            .Where(entry => !IsComposition(entry.Key))
            .SelectMany(entry => entry.Value.Where(IsComposition).Select(target => $"{entry.Key.FullName} → {target.FullName}"))
            .ToList();

        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    [Fact]
    public void Shared_DependsOnNoFeature()
    {
        var offending = References
            .Where(entry => entry.Key.Namespace?.StartsWith("Dashboard.Web.Shared", StringComparison.Ordinal) == true)
            .SelectMany(entry => entry.Value.Where(t => FeatureOf(t) is not null).Select(target => $"{entry.Key.FullName} → {target.FullName}"))
            .ToList();

        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    [Fact]
    public void TheCheck_SeesTheKnownDownhillDependencies()
    {
        // Guards the check itself: if reflection stopped seeing references, the tests above would pass vacuously.
        var graph = FeatureGraph();
        Assert.Contains("Access", graph["Rollouts"].Keys);
        Assert.Contains("Rollouts", graph["Checkpoints"].Keys);
        Assert.Contains("Rollouts", graph["Guardrails"].Keys);
    }

    private static bool IsComposition(Type type) =>
        type.Namespace is { } ns && (ns == "Dashboard.Web.Components" || ns.StartsWith("Dashboard.Web.Components.", StringComparison.Ordinal));

    private static string? FeatureOf(Type type) =>
        type.Namespace is { } ns && ns.StartsWith(Features, StringComparison.Ordinal) ? ns[Features.Length..].Split('.')[0] : null;

    /// <summary>Feature → feature it uses → one example of why (type → type).</summary>
    private static Dictionary<string, Dictionary<string, string>> FeatureGraph()
    {
        var graph = new Dictionary<string, Dictionary<string, string>>();
        foreach (var (type, targets) in References)
        {
            if (FeatureOf(type) is not { } from)
            {
                continue;
            }

            var edges = graph.TryGetValue(from, out var known) ? known : graph[from] = [];
            foreach (var target in targets)
            {
                if (FeatureOf(target) is { } to && to != from)
                {
                    edges.TryAdd(to, $"{type.Name} → {target.Name}");
                }
            }
        }

        return graph;
    }

    /// <summary>A path from <paramref name="start"/> back to itself, or null.</summary>
    private static List<string>? PathBack(Dictionary<string, Dictionary<string, string>> graph, string start)
    {
        var queue = new Queue<List<string>>([[start]]);
        var seen = new HashSet<string>();
        while (queue.TryDequeue(out var path))
        {
            foreach (var next in graph.TryGetValue(path[^1], out var edges) ? edges.Keys.ToList() : [])
            {
                if (next == start)
                {
                    var cycle = path.Append(start).ToList();
                    var first = cycle.Take(cycle.Count - 1).Min(StringComparer.Ordinal)!;
                    var at = cycle.IndexOf(first);
                    return [.. cycle.Skip(at).Take(cycle.Count - 1 - at), .. cycle.Take(at + 1)];
                }

                if (seen.Add(next))
                {
                    queue.Enqueue([.. path, next]);
                }
            }
        }

        return null;
    }

    private static string Explain(Dictionary<string, Dictionary<string, string>> graph) =>
        string.Join("\n", graph.OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(g =>
            g.Value.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"  {g.Key} → {e.Key} ({e.Value})")));
}
