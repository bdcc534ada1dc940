namespace Tuner.Trainer;

/// <summary>Optionally implemented by an <see cref="ITrialHost"/> that wants to hear about every trained batch (for
/// progress or heartbeats). Called synchronously on the training thread, so it must return quickly.</summary>
public interface IBatchObserver
{
    /// <summary><paramref name="position"/> is the position just reached.</summary>
    void BatchCompleted(TrainingPosition position);
}
