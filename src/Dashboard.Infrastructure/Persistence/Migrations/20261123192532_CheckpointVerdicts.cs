using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CheckpointVerdicts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CheckpointVerdicts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PhaseIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseStartedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    CheckpointOffsetSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    EvaluatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    OverallVerdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SuggestedDecision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EvaluationJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckpointVerdicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckpointVerdicts_Rollouts_RolloutId",
                        column: x => x.RolloutId,
                        principalTable: "Rollouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CheckpointVerdicts_RolloutId_PhaseIndex_PhaseStartedAt_CheckpointOffsetSeconds",
                table: "CheckpointVerdicts",
                columns: new[] { "RolloutId", "PhaseIndex", "PhaseStartedAt", "CheckpointOffsetSeconds" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CheckpointVerdicts");
        }
    }
}
