using Dashboard.Core.Metrics;

namespace Dashboard.Web.Components.Pages;

/// <summary>The live dashboard for people at a desk: tiles, trends, breakdowns and (in demo mode) faults.</summary>
public sealed partial class LiveDashboard
{
    private static readonly IReadOnlyDictionary<string, CohortPair> NoRows = new Dictionary<string, CohortPair>();
}
