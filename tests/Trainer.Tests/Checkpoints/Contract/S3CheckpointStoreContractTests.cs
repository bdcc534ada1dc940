using Tuner.TestSupport.S3;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Tests.Checkpoints.S3;

namespace Tuner.Trainer.Tests.Checkpoints.Contract;

/// <summary>The checkpoint store contract on S3, against the real fauxqs server, under a fresh prefix per test.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class S3CheckpointStoreContractTests(S3ServerFixture s3) : CheckpointStoreContract
{
    protected override ICheckpointStore Store { get; } = s3.NewStore();
}
