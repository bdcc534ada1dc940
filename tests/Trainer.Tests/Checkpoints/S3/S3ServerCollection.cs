using Tuner.TestSupport.S3;

namespace Tuner.Trainer.Tests.Checkpoints.S3;

[CollectionDefinition(Name)]
public sealed class S3ServerCollection : ICollectionFixture<S3ServerFixture>
{
    public const string Name = "S3 server";
}
