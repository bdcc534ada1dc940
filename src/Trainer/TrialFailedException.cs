namespace Tuner.Trainer;

/// <summary>Training cannot go on with these parameters: NaN or infinite loss, an invalid parameter value, out of
/// memory. Retrying the same trial will fail the same way.</summary>
public sealed class TrialFailedException : Exception
{
    public TrialFailedException(string message)
        : base(message)
    {
    }

    public TrialFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
