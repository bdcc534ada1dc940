namespace Tuner.Trainer.Tests.TestSupport;

/// <summary>A fresh folder under the system's temporary folder, deleted on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("tuner-trainer-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
