namespace Dashboard.Integration.Tests.TestSupport;

/// <summary>Tests of the real app that need influxd and a PostgreSQL server for its state store (one of each per run).</summary>
[CollectionDefinition(Name)]
public sealed class InfluxAndPostgresCollection : ICollectionFixture<InfluxServerFixture>, ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "influxd and postgres";
}
