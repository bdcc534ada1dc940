namespace Tuner.Trainer.Plugins;

/// <summary>A plugin bundle that cannot be fetched, verified or loaded, or a plugin that fails while it is being built:
/// the message says which bundle, which assembly or class, and what to do about it.</summary>
public sealed class PluginException : Exception
{
    public PluginException(string message) : base(message)
    {
    }

    public PluginException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>The problem is the class the definition named (workload.type), not the bundle.</summary>
    public bool ConcernsType { get; init; }
}
