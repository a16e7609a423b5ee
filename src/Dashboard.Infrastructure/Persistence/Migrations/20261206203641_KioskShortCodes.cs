using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class KioskShortCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ShortCodeHash",
                table: "KioskLinks",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_KioskLinks_ShortCodeHash",
                table: "KioskLinks",
                column: "ShortCodeHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_KioskLinks_ShortCodeHash",
                table: "KioskLinks");

            migrationBuilder.DropColumn(
                name: "ShortCodeHash",
                table: "KioskLinks");
        }
    }
}
