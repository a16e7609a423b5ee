using Microsoft.EntityFrameworkCore.Migrations;

namespace Dashboard.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// PostgreSQL's counterpart of the SQLite triggers that keep the audit log append-only in the database: any
/// UPDATE, DELETE or TRUNCATE of <c>AuditEvents</c> raises. Created by PostgreSQL's Initial migration; kept here
/// so that a regenerated migration only needs the two calls back.
/// </summary>
internal static class PostgreSqlAuditTriggers
{
    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE FUNCTION "AuditEvents_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'AuditEvents is append-only: % refused', TG_OP;
            END
            $$;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "AuditEvents_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "AuditEvents"
                FOR EACH ROW EXECUTE FUNCTION "AuditEvents_AppendOnly"();
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "AuditEvents_NoTruncate" BEFORE TRUNCATE ON "AuditEvents"
                FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvents_AppendOnly"();
            """);
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEvents_NoTruncate" ON "AuditEvents";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEvents_NoUpdateOrDelete" ON "AuditEvents";""");
        migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "AuditEvents_AppendOnly"();""");
    }
}
