using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IntervalSums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntervalSums",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RolloutId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PhaseIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseStartedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    Family = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Shape = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    ReadAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    ResultsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntervalSums", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntervalSums_RolloutId_PhaseIndex_PhaseStartedAt_Family_Shape",
                table: "IntervalSums",
                columns: new[] { "RolloutId", "PhaseIndex", "PhaseStartedAt", "Family", "Shape" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntervalSums");
        }
    }
}
