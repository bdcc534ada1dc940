using TorchSharp;

namespace Tuner.Trainer.Workloads;

/// <summary>libtorch's CPU build keeps its thread count per OS thread (an OpenMP setting), and async code moves
/// between threads: sessions call <see cref="Use"/> before every step so each step runs with the trial's count.
/// A different count changes how reductions are split, so results would no longer be reproducible.</summary>
internal static class TorchThreads
{
    [ThreadStatic]
    private static int _current;

    public static void Use(int threads)
    {
        if (_current == threads) return;
        torch.set_num_threads(threads);
        _current = threads;
    }
}
