using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgreSqlWarRoomDbContext</c> build the PostgreSQL context without
/// starting the web app or a server: adding a migration never opens the connection.
/// </summary>
internal sealed class PostgreSqlWarRoomDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlWarRoomDbContext>
{
    public PostgreSqlWarRoomDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WarRoomDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
