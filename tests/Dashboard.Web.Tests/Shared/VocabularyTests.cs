using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Guardrails;
using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Incidents;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Guardrails;
using Dashboard.Web.Features.Reasons.Components;
using Dashboard.Web.Features.Rollouts.Pages;
using Dashboard.Web.Shared.Components;
using Dashboard.Web.Tests.Reasons;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Shared;

/// <summary>
/// One word per state, verdict, source and role (docs/rollouts-ui.md, "Words"): the main pages, rendered across
/// rollout states, never print an enum member's name where a label belongs.
/// </summary>
public sealed class VocabularyTests
{
    private static readonly Type[] LabelledEnums =
    [
        typeof(RolloutStatus), typeof(PhaseState), typeof(TrafficChangeStatus), typeof(TrafficChangeSource), typeof(SignOffRole),
        typeof(Verdict), typeof(GuardrailDecisionKind), typeof(ContingencyActionKind), typeof(GuardrailKind), typeof(GuardrailReading),
        typeof(WarRoomRole), typeof(ActorKind), typeof(CheckpointDecision), typeof(RolloutAction), typeof(IncidentSeverity), typeof(SequentialState),
    ];

    /// <summary>
    /// Member names no label spells: compound names ("InProgress", "RolledBack", "NoData", "EngineeringLead") and
    /// short ones ("Ui", "Api"), as whole words, case-sensitive; and the verdict's old spellings. A one-word member such
    /// as "Held" is also the capitalised label that starts a sentence, so it cannot tell a raw name from a word.
    /// </summary>
    private static readonly Regex RawName = new(
        $@"\b({string.Join('|', LabelledEnums.SelectMany(Enum.GetNames).Where(IsUnmistakable).Distinct())}|NODATA|NO_DATA)\b",
        RegexOptions.CultureInvariant);

    private static bool IsUnmistakable(string name) => name.Length <= 3 || name.Skip(1).Any(char.IsUpper);

    public static TheoryData<string> States => ["not started", "running", "awaiting sign-off", "held", "rolled back", "aborted", "completed"];

    [Theory]
    [MemberData(nameof(States))]
    public async Task RolloutPage_InEveryState_PrintsNoEnumMemberName(string state)
    {
        var board = new GuardrailStatusBoard(NullLogger<GuardrailStatusBoard>.Instance);
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, services =>
        {
            services.AddRolloutPageServices();
            services.AddSingleton(board);
        });
        var id = await RolloutInAsync(host, state);
        board.PublishPoll(Poll(id));

        var (page, _) = host.RenderRolloutPage(id);
        var list = host.Context.Render<RolloutsPage>();
        var warRoom = host.Context.Render<WarRoomReason>(p => p.Add(w => w.RolloutId, (Guid?)id));

        Assert.Empty(RawNamesIn(page.Nodes));
        Assert.Empty(RawNamesIn(list.Nodes));
        Assert.Empty(RawNamesIn(warRoom.Nodes));
    }

    [Fact]
    public void EveryStateSourceAndRole_HasALabelThatIsNotItsMemberName()
    {
        string[] labels =
        [
            .. Enum.GetValues<RolloutStatus>().Select(Vocabulary.State),
            .. Enum.GetValues<PhaseState>().Select(Vocabulary.State),
            .. Enum.GetValues<TrafficChangeStatus>().Select(Vocabulary.State),
            .. Enum.GetValues<TrafficChangeSource>().Select(Vocabulary.Source),
            .. Enum.GetValues<SignOffRole>().Select(Vocabulary.Role),
            .. Enum.GetValues<GuardrailDecisionKind>().Select(Vocabulary.Action),
            .. Enum.GetValues<ContingencyActionKind>().Select(Vocabulary.Action),
            .. Enum.GetValues<Verdict>().Select(v => VerdictPresentation.Label(v)),
            .. Enum.GetValues<SequentialState>().Select(Vocabulary.State),
        ];

        Assert.All(labels, label => Assert.DoesNotMatch(RawName, label));
        Assert.Equal("running", Vocabulary.State(RolloutStatus.InProgress));
        Assert.Equal(Vocabulary.State(PhaseState.Running), Vocabulary.State(RolloutStatus.InProgress));
        Assert.Equal("NO DATA", VerdictPresentation.Label(Verdict.NoData));
        Assert.Equal("Rollout rolled back", Vocabulary.AuditEvent("rollout.rolledBack"));
        Assert.Equal("Phase sign-off requested", Vocabulary.AuditEvent("phase.signOffRequested"));
    }

    [Fact]
    public void GuardrailRuleActions_AreWordsWithTheirAmount()
    {
        Assert.Equal("roll back", Vocabulary.Action((ContingencyAction?)null));
        Assert.Equal("reduce traffic to 50 %", Vocabulary.Action(ContingencyAction.ReduceTrafficTo(50)));
        Assert.Equal("monitor closely for 2h", Vocabulary.Action(ContingencyAction.MonitorClosely(TimeSpan.FromHours(2))));
        Assert.Equal("log", Vocabulary.Action(new ContingencyAction(ContingencyActionKind.Log)));
    }

    private static string[] RawNamesIn(INodeList nodes) =>
        [.. RawName.Matches(string.Join(" ", nodes.Select(n => n.TextContent))).Select(m => m.Value).Distinct()];

    private static async Task<Guid> RolloutInAsync(AppTestHost host, string state)
    {
        if (state == "not started")
        {
            return (await StoredRollouts.CreateAsync(host.Get<RolloutStore>(), AppTestHost.T0)).Id;
        }

        var id = (await host.StartRolloutAsync()).Id;
        var person = Actor.Person("alice", [WarRoomRole.Operator]);
        await RolloutTopTests.ActAsync(host, id, RolloutAction.ChangeTraffic, person, "more traffic", 5);
        switch (state)
        {
            case "awaiting sign-off":
                await RolloutTopTests.ActAsync(host, id, RolloutAction.RequestSignOff, AutomationActors.Checkpoints, "The last checkpoint (2h) of phase 'canary' is PASS. It waits for sign-off.");
                break;
            case "held":
                await RolloutTopTests.ActAsync(host, id, RolloutAction.Hold, person, "looking at a spike");
                break;
            case "rolled back":
                await RolloutTopTests.ActAsync(host, id, RolloutAction.RollBack, AutomationActors.Guardrails, RolloutTopTests.GuardrailWords);
                break;
            case "aborted":
                await RolloutTopTests.ActAsync(host, id, RolloutAction.Abort, person, "wrong build");
                break;
            case "completed":
                for (var phase = 0; phase < 3; phase++)
                {
                    await RolloutTopTests.ActAsync(host, id, RolloutAction.Advance, person, "next");
                }

                break;
        }

        return id;
    }

    // Guardrail rules as the status API words their conditions and actions, and a last action.
    private static GuardrailStatus Poll(Guid id) => new(
        AppTestHost.T0, AppTestHost.T0, 1, 60, 3, null,
        [
            new RolloutGuardrails(id, "learning-api", "v3.0.0", "canary", PhaseState.Running,
            [
                new GuardrailRuleStatus("trigger:0", GuardrailKind.RollbackTrigger, "Error rate > 1.5 %", "roll back", GuardrailReading.Breached, 1, 3, AppTestHost.T0, new Dictionary<string, double?> { ["errorRatePct"] = 1.9 }),
                new GuardrailRuleStatus("contingency:0", GuardrailKind.Contingency, "P99 latency > 400 ms", "reduce traffic to 50 %", GuardrailReading.Clean, 0, 3, null, new Dictionary<string, double?> { ["p99Ms"] = 190 }),
                new GuardrailRuleStatus("contingency:1", GuardrailKind.Contingency, "Availability < 99 %", "monitor closely for 2h", GuardrailReading.NoData, 0, 3, null, new Dictionary<string, double?> { ["availabilityPct"] = null }),
            ],
            null, "12:00:00 UTC Monitor closely: P99 latency > 400 ms held for 3 consecutive polls", null, []),
        ],
        []);
}
