using Dashboard.Core.Checklists;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Checklists;

public sealed class ChecklistStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ChecklistTemplate Template = new("t", "T", [new("a", "A"), new("b", "B")]);

    [Fact]
    public void From_EveryItemTicked_IsComplete()
    {
        var state = ChecklistState.From(Template, [new("a", true, "ann", T0), new("b", true, "bob", T0.AddMinutes(1))]);

        Assert.True(state.IsComplete);
        Assert.Empty(state.OpenItems);
        Assert.Equal(["ann", "bob"], state.Items.Select(i => i.Latest!.By));
    }

    [Fact]
    public void From_ItemTickedThenUnticked_IsOpenAgain()
    {
        var state = ChecklistState.From(Template, [new("b", false, "bob", T0.AddMinutes(2)), new("a", true, "ann", T0), new("b", true, "bob", T0.AddMinutes(1))]);

        Assert.False(state.IsComplete);
        Assert.Equal("b", Assert.Single(state.OpenItems).Item.Id);
    }

    [Fact]
    public void From_NothingTicked_HasEveryItemOpen_AndIgnoresTicksOfUnknownItems()
    {
        var state = ChecklistState.From(Template, [new("gone", true, "ann", T0)]);

        Assert.False(state.IsComplete);
        Assert.Equal(2, state.OpenItems.Count);
    }

    [Fact]
    public void BuiltInChecklists_CoverEveryChecklistTheBuiltInPlansName_WithUniqueItemIds()
    {
        var named = BuiltInPlans.All.SelectMany(plan => plan.Phases).Select(phase => phase.Gate.ChecklistTemplateId).OfType<string>().Distinct();

        Assert.All(named, id => Assert.NotNull(BuiltInChecklists.Find(id)));
        Assert.All(BuiltInChecklists.All, template => Assert.Equal(template.Items.Count, template.Items.Select(i => i.Id).Distinct().Count()));
        Assert.Contains(BuiltInChecklists.CanaryGoNoGo.Items, item => item.Text.StartsWith("On-call", StringComparison.Ordinal));
    }
}
