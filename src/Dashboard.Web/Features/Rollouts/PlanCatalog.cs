using System.Text.Json;
using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// The plans a rollout can follow: the built-in templates, the files of the plans folder and the
/// custom plans saved through the API. A custom plan is saved only when it parses without a single
/// problem, and never under a built-in's or a file's id.
/// </summary>
public sealed class PlanCatalog(StoredPlanStore storedPlans, PlanFolder planFolder, AccessAuthorization authorization, TimeProvider timeProvider)
{
    public const string BuiltInSource = "builtIn";
    public const string FileSource = "file";
    public const string StoredSource = "stored";

    /// <summary>Built-in plans first, then plan files, then stored plans by id.</summary>
    public async Task<IReadOnlyList<PlanView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var stored = await storedPlans.ListAsync(cancellationToken);
        return
        [
            .. BuiltInPlans.All.Select(plan => View(plan, BuiltInSource)),
            .. planFolder.Plans.Select(plan => View(plan, FileSource)),
            .. stored.Select(Parse).OfType<RolloutPlan>().Select(plan => View(plan, StoredSource)),
        ];
    }

    public async Task<PlanView?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        if (BuiltInPlans.Find(id) is { } builtIn)
        {
            return View(builtIn, BuiltInSource);
        }

        if (planFolder.Find(id) is { } file)
        {
            return View(file, FileSource);
        }

        return await FindStoredAsync(id, cancellationToken) is { } stored ? View(stored, StoredSource) : null;
    }

    /// <summary>The plan with <paramref name="id"/>, built-in or stored, or null.</summary>
    public async Task<RolloutPlan?> FindPlanAsync(string id, CancellationToken cancellationToken = default) =>
        BuiltInPlans.Find(id) ?? planFolder.Find(id) ?? await FindStoredAsync(id, cancellationToken);

    /// <summary>Parses and stores a custom plan; every problem is reported with its JSON path, and nothing is stored unless there are none.</summary>
    public async Task<Outcome<PlanView>> CreateAsync(string json, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(actor);
        if (await authorization.RequireAsync(actor, Operation.CreatePlan, null, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<PlanView>(denial);
        }

        if (string.IsNullOrWhiteSpace(actor.Name))
        {
            return Outcomes.Invalid<PlanView>("actor", "actor is required");
        }

        var parsed = PlanJson.Parse(json);
        if (!parsed.IsValid)
        {
            return Outcomes.Invalid<PlanView>(
                parsed.Problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        var plan = parsed.Plan;
        if (BuiltInPlans.Find(plan.Id) is not null || planFolder.Find(plan.Id) is not null)
        {
            return Outcomes.Conflict<PlanView>($"'{plan.Id}' is the id of a built-in plan or a plan file; choose another id.");
        }

        var record = new StoredPlanRecord
        {
            Id = plan.Id,
            Name = plan.Name,
            Json = PlanJson.Serialize(plan),
            CreatedBy = actor.Name,
            CreatedAt = timeProvider.GetUtcNow(),
        };
        try
        {
            await storedPlans.CreateAsync(record, AuditEventDraft.For(actor.Name, "plan.created", null, new { planId = plan.Id, plan.Name }), cancellationToken);
        }
        catch (DuplicatePlanException ex)
        {
            return Outcomes.Conflict<PlanView>(ex.Message);
        }

        return Outcomes.Created<PlanView>(View(plan, StoredSource));
    }

    private async Task<RolloutPlan?> FindStoredAsync(string id, CancellationToken cancellationToken) =>
        await storedPlans.FindAsync(id, cancellationToken) is { } record ? Parse(record) : null;

    // Stored JSON was valid when saved; a plan that no longer parses (a rule tightened since) is left out rather than guessed at.
    private static RolloutPlan? Parse(StoredPlanRecord record) => PlanJson.Parse(record.Json).Plan;

    private static PlanView View(RolloutPlan plan, string source)
    {
        using var document = JsonDocument.Parse(PlanJson.Serialize(plan));
        return new(plan.Id, plan.Name, plan.Description, source, plan.Phases.Count, document.RootElement.Clone());
    }
}
