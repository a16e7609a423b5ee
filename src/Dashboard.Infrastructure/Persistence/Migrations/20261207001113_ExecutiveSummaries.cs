using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ExecutiveSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExecutiveSummaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PhaseIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseStartedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    Milestone = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PeriodEnd = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    GeneratedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutiveSummaries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExecutiveSummaries_Rollouts_RolloutId",
                        column: x => x.RolloutId,
                        principalTable: "Rollouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveSummaries_RolloutId_PhaseIndex_PhaseStartedAt_Milestone",
                table: "ExecutiveSummaries",
                columns: new[] { "RolloutId", "PhaseIndex", "PhaseStartedAt", "Milestone" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExecutiveSummaries");
        }
    }
}
