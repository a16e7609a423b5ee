using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;
using static Dashboard.Web.Features.Access.Admin.AccessAdminFields;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>
/// Creates a kiosk link through <see cref="AccessAdminService"/>; closes with the <see cref="IssuedKioskLink"/> whose URL and
/// short code the page shows. The optional expiry is typed (yyyy-MM-dd) and refused beside the field when it is not a later day.
/// </summary>
public sealed partial class CreateKioskLinkDialog : AdminDialog
{
    private static readonly HashSet<string> FieldNames = [NameField, ExpiresAtField];
    private string? _name;
    private string? _expires;

    [Inject]
    public required TimeProvider Clock { get; init; }

    protected override IReadOnlySet<string> Fields => FieldNames;

    protected override bool CanConfirm => NameProblem is null && ExpiresProblem is null;

    private string? NameProblem => Message(NameField, ProblemWithName(_name));

    private string? ExpiresProblem => string.IsNullOrWhiteSpace(_expires)
        ? null
        : Message(ExpiresAtField, AdminFormat.TryParseDay(_expires, out var at) ? ProblemWithKioskExpiry(at, Clock.GetUtcNow()) : AdminFormat.NotADay);

    private string? NameError => ProblemBeside(NameField, _name, NameProblem);

    private string? ExpiresError => ProblemBeside(ExpiresAtField, _expires, ExpiresProblem);

    private Task CreateAsync() => SubmitAsync(
        actor => Admin.CreateKioskLinkAsync(new CreateKioskLinkRequest(_name, AdminFormat.TryParseDay(_expires, out var at) ? at : null), actor),
        OutcomeKind.Created, "The kiosk link could not be created.");
}
