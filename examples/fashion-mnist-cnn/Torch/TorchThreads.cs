using TorchSharp;

namespace FashionMnistCnn.Torch;

/// <summary>libtorch's CPU build keeps its thread count per OS thread (an OpenMP setting), and async code moves
/// between threads: the session calls <see cref="Use"/> before every step so each step runs with the trial's count
/// (<see cref="Tuner.Workloads.TrainingEnvironment.Threads"/>). A different count splits reductions differently, so
/// results would no longer be reproducible.</summary>
internal static class TorchThreads
{
    // Asks libtorch rather than remembering what this class set: other code in the worker (a built-in workload,
    // another plugin) may have changed this OS thread's count since.
    public static void Use(int threads)
    {
        if (torch.get_num_threads() != threads) torch.set_num_threads(threads);
    }
}
