using TorchSharp;

namespace Tuner.Trainer.Workloads;

/// <summary>
/// The rule for Tuner's TorchSharp code: never hand libtorch a bare number where it takes a scalar (<c>t.mul_(0.9)</c>,
/// <c>t / 2.0</c>, <c>add_(g, alpha: a)</c>); pass a <see cref="Scalar"/> that the caller holds (a field, or
/// <c>using var</c>) until the call returns.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 converts such a number into a <see cref="Scalar"/> whose finalizer frees the native c10::Scalar,
/// and its tensor methods read the handle and call libtorch without keeping the <see cref="Scalar"/> alive. A garbage
/// collection started by another thread during that call (a worker's heartbeats, reports and checkpoint uploads all
/// allocate) finalizes the scalar while libtorch reads it: the trial fails with "Unknown scalar type." or a failed
/// internal assertion, at random, about once in a few thousand batches of a busy worker. TrialRunnerGarbageCollectionTests
/// reproduces it. TorchSharp's own optimizers do this on every step, hence <see cref="Optimizers.Adam"/> and
/// <see cref="Optimizers.SGD"/>. (TorchSharp pull requests #1434 and #1496 would dispose such scalars; neither
/// is released.)
/// </remarks>
public static class TorchScalars
{
    /// <summary>A scalar for <paramref name="value"/>, to be held across every call that uses it and then disposed
    /// (or kept for the life of the process, for a constant).</summary>
    public static Scalar Hold(double value) => value.ToScalar();

    /// <inheritdoc cref="Hold(double)"/>
    public static Scalar Hold(int value) => value.ToScalar();
}
