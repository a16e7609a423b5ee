namespace Dashboard.Infrastructure.Persistence.Access;

/// <summary>Column sizes of the access tables; the services validate against the same numbers.</summary>
public static class AccessLimits
{
    public const int NameLength = 100;
    public const int RolesLength = 200;
    public const int HashLength = 400;
    public const int PrefixLength = 32;
    public const int ExternalIdLength = 400;
    public const int TimeZoneLength = 64;
}
