using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Tests.TestSupport;

namespace Tuner.Trainer.Tests.Checkpoints.Contract;

/// <summary>The checkpoint store contract on the file system, in a fresh temporary directory per test.</summary>
public sealed class FileSystemCheckpointStoreContractTests : CheckpointStoreContract, IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public FileSystemCheckpointStoreContractTests() => Store = new FileSystemCheckpointStore(_directory.Path);

    protected override ICheckpointStore Store { get; }

    public void Dispose() => _directory.Dispose();
}
