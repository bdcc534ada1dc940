using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.EndToEnd.Tests.Infrastructure;

/// <summary>Tests in [Collection("postgres")] share one <see cref="PostgresServerFixture"/> and run one at a time.</summary>
[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>;
