namespace Tuner.Core.Model;

public enum CheckpointState
{
    Live,
    Deleting,
    Deleted,

    /// <summary>Missing from the store or corrupt; a resume skipped it for the one before.</summary>
    Unusable,
}
