namespace Vigia.Web.Tests.Infrastructure;

/// <summary>Hosts that several page classes share, because starting an application costs about a second and the
/// suite has a class per page. A class joins one only when no other class in it can change what it asserts: the
/// classes of a collection run one after another on the same database, and each test works on its own rows.
/// A class that writes what another reads (the schedule grid, the follow-up journey, the open-data import, the first
/// administrator's activation) keeps a host of its own.</summary>
public static class SharedHosts
{
    /// <summary>Read-only pages and APIs over the bundled plan (the compliance pages add the same
    /// <see cref="Pages.Compliance.KnownExecution"/>, idempotently).</summary>
    public const string SqliteBundledPlan = "sqlite, bundled plan, read-only";
    public const string PostgresBundledPlan = "postgres, bundled plan, read-only";

    /// <summary>Pages that stand on <see cref="TestData.SmallPlanAsync"/> and people of their own.</summary>
    public const string SqliteSmallPlan = "sqlite, small plan";
    public const string PostgresSmallPlan = "postgres, small plan";

    /// <summary>Progress reports and monitoring on Monday 4 April 2022, each test on its own action or month.</summary>
    public const string SqliteReporting = "sqlite, reporting";
    public const string PostgresReporting = "postgres, reporting";

    /// <summary>The open-data registry's files, catalogue and dataset pages, over <see cref="OpenData.OpenDataArrange"/>
    /// (a follow-up and a risk map published once, which no other class may see).</summary>
    public const string SqliteOpenData = "sqlite, open data published";
    public const string PostgresOpenData = "postgres, open data published";
}

[CollectionDefinition(SharedHosts.SqliteBundledPlan)]
public sealed class SqliteBundledPlanHost : ICollectionFixture<SqliteBundledPlanApp>;

[CollectionDefinition(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresBundledPlanHost : ICollectionFixture<PostgresBundledPlanApp>;

[CollectionDefinition(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteSmallPlanHost : ICollectionFixture<SqliteApp>;

[CollectionDefinition(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresSmallPlanHost : ICollectionFixture<PostgresApp>;

[CollectionDefinition(SharedHosts.SqliteReporting)]
public sealed class SqliteReportingHost : ICollectionFixture<SqliteReportingApp>;

[CollectionDefinition(SharedHosts.PostgresReporting)]
public sealed class PostgresReportingHost : ICollectionFixture<PostgresReportingApp>;

[CollectionDefinition(SharedHosts.SqliteOpenData)]
public sealed class SqliteOpenDataHost : ICollectionFixture<SqliteApp>;

[CollectionDefinition(SharedHosts.PostgresOpenData)]
public sealed class PostgresOpenDataHost : ICollectionFixture<PostgresApp>;
