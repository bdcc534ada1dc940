namespace Tuner.Trainer.Checkpoints;

/// <summary>Checks checkpoint keys, so that no store is asked for a path outside its root.</summary>
public static class CheckpointKey
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="key"/> is a relative path of non-empty
    /// '/'-separated segments, none of them "." or "..".</summary>
    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var segments = key.Split('/');
        if (key.Length == 0 || segments.Any(s => s.Length == 0 || s is "." or ".." || s.Contains('\\')))
        {
            throw new ArgumentException(
                $"a checkpoint key must be a relative path of non-empty '/'-separated segments without '.', '..' or '\\', but got key='{key}'",
                nameof(key));
        }
    }
}
