using Dashboard.Core.Plans;

namespace Dashboard.Web.Features.Access;

/// <summary>Names, parsing and the lead ↔ sign-off role mapping of <see cref="WarRoomRole"/>.</summary>
public static class WarRoomRoles
{
    /// <summary>Every role, in the order people see them.</summary>
    public static IReadOnlyList<WarRoomRole> All { get; } = Enum.GetValues<WarRoomRole>();

    /// <summary>The four sign-off leads.</summary>
    public static IReadOnlyList<WarRoomRole> Leads { get; } =
        [WarRoomRole.EngineeringLead, WarRoomRole.OperationsLead, WarRoomRole.ProductLead, WarRoomRole.FinanceLead];

    /// <summary>The war-room role that signs for <paramref name="role"/>.</summary>
    public static WarRoomRole For(SignOffRole role) => role switch
    {
        SignOffRole.EngineeringLead => WarRoomRole.EngineeringLead,
        SignOffRole.OperationsLead => WarRoomRole.OperationsLead,
        SignOffRole.ProductLead => WarRoomRole.ProductLead,
        SignOffRole.FinanceLead => WarRoomRole.FinanceLead,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown sign-off role."),
    };

    /// <summary>"Engineering lead" for <see cref="WarRoomRole.EngineeringLead"/>.</summary>
    public static string Text(WarRoomRole role) => role switch
    {
        WarRoomRole.EngineeringLead => "Engineering lead",
        WarRoomRole.OperationsLead => "Operations lead",
        WarRoomRole.ProductLead => "Product lead",
        WarRoomRole.FinanceLead => "Finance lead",
        _ => role.ToString(),
    };

    /// <summary>Parses a role name case-insensitively ("operator", "EngineeringLead"); false for anything else, numbers included.</summary>
    public static bool TryParse(string? text, out WarRoomRole role)
    {
        role = default;
        return !string.IsNullOrWhiteSpace(text)
            && !char.IsAsciiDigit(text.Trim()[0])
            && Enum.TryParse(text.Trim(), ignoreCase: true, out role)
            && Enum.IsDefined(role);
    }

    /// <summary>The roles named in a stored, comma-separated list; unknown names are dropped.</summary>
    public static IReadOnlySet<WarRoomRole> ParseList(string? stored) =>
        (stored ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => TryParse(name, out var role) ? role : (WarRoomRole?)null)
            .OfType<WarRoomRole>()
            .ToHashSet();

    /// <summary>The stored form of <paramref name="roles"/>: distinct names in enum order, comma-separated.</summary>
    public static string FormatList(IEnumerable<WarRoomRole> roles) =>
        string.Join(',', roles.Distinct().Order().Select(role => role.ToString()));
}
