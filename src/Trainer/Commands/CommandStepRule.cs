namespace Tuner.Trainer.Commands;

/// <summary>Which step numbers a command's program may report after one another. Either way a step at or below the
/// last one reported (a resumed program repeating steps) is ignored, never reported twice, and steps start at 1.</summary>
public enum CommandStepRule
{
    /// <summary>Any larger number: epochs, or global iterations reported every few hundred (500, 1000, ...).</summary>
    Increasing,

    /// <summary>Exactly the last step + 1 (epochs 1, 2, 3, ...); a gap fails the trial, naming the line.</summary>
    Consecutive,
}
