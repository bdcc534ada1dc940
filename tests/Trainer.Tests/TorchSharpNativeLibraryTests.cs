using TorchSharp;

namespace Tuner.Trainer.Tests;

public sealed class TorchSharpNativeLibraryTests
{
    [Fact]
    public void NativeLibrary_LoadsAndComputes_AfterTheBuildPatchedIt()
    {
        using var scope = torch.NewDisposeScope();

        var sum = (torch.ones(3, 4) * 2).sum().item<float>();

        Assert.Equal(24f, sum);
    }
}
