using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the context without starting the web app. The
/// connection string is never opened when adding a migration.
/// </summary>
internal sealed class WarRoomDbContextDesignTimeFactory : IDesignTimeDbContextFactory<WarRoomDbContext>
{
    public WarRoomDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WarRoomDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
