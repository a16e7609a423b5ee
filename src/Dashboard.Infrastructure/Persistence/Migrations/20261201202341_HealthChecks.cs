using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HealthChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HealthChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cadence = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PhaseIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    PhaseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WindowStart = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    WindowEnd = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    DueAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    RanAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    OverallVerdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MetricsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthChecks_Rollouts_RolloutId",
                        column: x => x.RolloutId,
                        principalTable: "Rollouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HealthChecks_Cadence_RolloutId_RanAt",
                table: "HealthChecks",
                columns: new[] { "Cadence", "RolloutId", "RanAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthChecks_RanAt",
                table: "HealthChecks",
                column: "RanAt");

            migrationBuilder.CreateIndex(
                name: "IX_HealthChecks_RolloutId_RanAt",
                table: "HealthChecks",
                columns: new[] { "RolloutId", "RanAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HealthChecks");
        }
    }
}
