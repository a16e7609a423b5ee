using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "Rollouts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BaselineVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CandidateVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlanId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PlanJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CurrentPhaseIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    CanaryWeightPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rollouts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredPlans",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PhaseRuns",
                columns: table => new
                {
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    EndedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    HeldAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseRuns", x => new { x.RolloutId, x.Index });
                    table.ForeignKey(
                        name: "FK_PhaseRuns_Rollouts_RolloutId",
                        column: x => x.RolloutId,
                        principalTable: "Rollouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrafficChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PhaseIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FromPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    ToPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SettledAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    ReadBackPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    FailureMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrafficChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrafficChanges_Rollouts_RolloutId",
                        column: x => x.RolloutId,
                        principalTable: "Rollouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_RolloutId",
                table: "AuditEvents",
                column: "RolloutId");

            migrationBuilder.CreateIndex(
                name: "IX_Rollouts_CreatedAt",
                table: "Rollouts",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Rollouts_Status",
                table: "Rollouts",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_TrafficChanges_RolloutId_RequestedAt",
                table: "TrafficChanges",
                columns: new[] { "RolloutId", "RequestedAt" });

            // The audit log is append-only in the database too, not only in the API: SQLite refuses
            // any UPDATE or DELETE of an audit event. (PostgreSQL gets its own migrations later.)
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql(
                    "CREATE TRIGGER AuditEvents_NoUpdate BEFORE UPDATE ON AuditEvents " +
                    "BEGIN SELECT RAISE(ABORT, 'AuditEvents is append-only: UPDATE refused'); END;");
                migrationBuilder.Sql(
                    "CREATE TRIGGER AuditEvents_NoDelete BEFORE DELETE ON AuditEvents " +
                    "BEGIN SELECT RAISE(ABORT, 'AuditEvents is append-only: DELETE refused'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_NoUpdate;");
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_NoDelete;");
            }

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "PhaseRuns");

            migrationBuilder.DropTable(
                name: "StoredPlans");

            migrationBuilder.DropTable(
                name: "TrafficChanges");

            migrationBuilder.DropTable(
                name: "Rollouts");
        }
    }
}
