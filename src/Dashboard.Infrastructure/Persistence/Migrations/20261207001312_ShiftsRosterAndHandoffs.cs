using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ShiftsRosterAndHandoffs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RosterAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Pattern = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ShiftId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    Primary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Secondary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Leads = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterAssignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShiftHandoffs",
                columns: table => new
                {
                    ShiftId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Risks = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    HandedOffBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HandedOffAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AcknowledgedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OverdueFlaggedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShiftHandoffs", x => x.ShiftId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RosterAssignments_Key",
                table: "RosterAssignments",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RosterAssignments_ShiftId",
                table: "RosterAssignments",
                column: "ShiftId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RosterAssignments");

            migrationBuilder.DropTable(
                name: "ShiftHandoffs");
        }
    }
}
