namespace Dashboard.Integration.Tests.TestSupport;

/// <summary>Tests of two real app instances on one PostgreSQL and one Redis, with influxd (one of each per run).</summary>
[CollectionDefinition(Name)]
public sealed class InfluxPostgresRedisCollection
    : ICollectionFixture<InfluxServerFixture>, ICollectionFixture<PostgresServerFixture>, ICollectionFixture<RedisServerFixture>
{
    public const string Name = "influxd, postgres and redis";
}
