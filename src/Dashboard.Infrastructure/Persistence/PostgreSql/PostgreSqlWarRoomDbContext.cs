using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// The same model as <see cref="WarRoomDbContext"/>, as its own type only so that EF Core keeps a separate set of
/// migrations for PostgreSQL (<c>PostgreSql/Migrations</c>, each marked with this type): migrations are
/// provider-specific SQL. Only <see cref="StateStoreMigrator"/> and <c>dotnet ef</c> create it; the app's stores use
/// <see cref="WarRoomDbContext"/> on either engine.
/// </summary>
public sealed class PostgreSqlWarRoomDbContext(DbContextOptions<WarRoomDbContext> options) : WarRoomDbContext(options);
