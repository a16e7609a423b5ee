namespace Dashboard.TestSupport;

/// <summary>How the two instances of a <see cref="HighAvailabilityPair"/> start.</summary>
public enum PairStart
{
    /// <summary>A first (it migrates the database and creates the first admin), then B, as instances added one by one.</summary>
    OneAfterTheOther,

    /// <summary>Both at once on the empty database: migrations, Quartz's schema and the start-up syncs race, as two
    /// machines behind a load balancer that boot together.</summary>
    AtOnce,
}
