using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Tuner.Trainer.Workloads;

/// <summary>What the built-in workloads checkpoint: the model's tensors, then the optimizer's state, in TorchSharp's
/// formats; loaded back in place (<see cref="ModuleStateLoader"/>), so the optimizer keeps its parameters.</summary>
internal static class TrainingState
{
    public static void Save(nn.Module model, OptimizerHelper optimizer, Stream destination)
    {
        using var writer = new BinaryWriter(destination, System.Text.Encoding.UTF8, leaveOpen: true);
        model.save(writer);
        optimizer.save_state_dict(writer);
    }

    public static void Load(nn.Module model, OptimizerHelper optimizer, Stream source)
    {
        using var reader = new BinaryReader(source, System.Text.Encoding.UTF8, leaveOpen: true);
        ModuleStateLoader.LoadInPlace(model, reader);
        optimizer.load_state_dict(reader);
    }
}
