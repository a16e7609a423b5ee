namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>Where a plan comes from, in words people use (the API's <see cref="PlanView.Source"/> keeps its wire names).</summary>
public static class PlanSourceText
{
    public static string Label(string source) => source switch
    {
        PlanCatalog.BuiltInSource => "Built-in template",
        PlanCatalog.FileSource => "Plan file (plans folder)",
        PlanCatalog.StoredSource => "Saved through the API",
        _ => "Unknown source",
    };
}
