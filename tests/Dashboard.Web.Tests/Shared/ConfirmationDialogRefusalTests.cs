using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Tests.Shared;

/// <summary>Every dialog words a refusal the one way: field problems beside their fields, anything else named in words.</summary>
public sealed class ConfirmationDialogRefusalTests
{
    [Fact]
    public void Refusal_OnlyFieldsTheDialogShows_SaysToFixThemAndKeepsEachBesideItsField()
    {
        var dialog = new TrafficLikeDialog();

        var message = dialog.Tell(Outcomes.Invalid<string>(new Dictionary<string, string[]> { ["percent"] = ["must be between 0 and 100 (not 150)"] }));

        Assert.Equal("Nothing was saved: fix the fields marked in red.", message);
        Assert.Equal("must be between 0 and 100 (not 150)", dialog.Beside("percent"));
    }

    [Fact]
    public void Refusal_AFieldTheDialogHasNot_IsNamedInWordsNotByItsKey()
    {
        var dialog = new TrafficLikeDialog();

        var message = dialog.Tell(Outcomes.Invalid<string>(new Dictionary<string, string[]>
        {
            ["percent"] = ["must be a whole number"],
            ["candidateVersion"] = ["must differ from the baseline version"],
        }));

        Assert.Equal("Nothing was saved: Candidate version: must differ from the baseline version.", message);
        Assert.Equal("must be a whole number", dialog.Beside("percent"));
    }

    [Fact]
    public void Refusal_NotAboutInput_IsTheServicesWordsOrTheFallback()
    {
        var dialog = new TrafficLikeDialog();

        Assert.Equal("The rollout is held.", dialog.Tell(Outcomes.Conflict<string>("The rollout is held.")));
        Assert.Equal("Could not change traffic.", dialog.Tell(new Outcome<string> { Kind = OutcomeKind.Conflict }));
    }

    private sealed class TrafficLikeDialog : ConfirmationDialog
    {
        protected override bool CanConfirm => true;

        protected override IReadOnlySet<string> Fields { get; } = new HashSet<string> { "percent", "reason" };

        public string Tell(Outcome<string> outcome) => Refusal(outcome, "Could not change traffic.");

        public string? Beside(string field) => ProblemOf(field);
    }
}
