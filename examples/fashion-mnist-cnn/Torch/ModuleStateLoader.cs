using static TorchSharp.torch;

namespace FashionMnistCnn.Torch;

/// <summary>
/// Loads a module's state saved by <c>Module.save(BinaryWriter)</c> into the module's own tensors, in place.
/// TorchSharp's <c>Module.load</c> moves a CUDA module to the CPU and back, which replaces its Parameter objects, so the
/// optimizer built on the old ones would fail to load its state (and would update stale tensors); copying in place
/// keeps them. The format is TorchSharp's: the entry count (7-bit encoded), then each name and tensor.
/// </summary>
internal static class ModuleStateLoader
{
    public static void LoadInPlace(nn.Module module, BinaryReader reader)
    {
        using var noGrad = no_grad();
        var target = module.state_dict();
        var entries = reader.Read7BitEncodedInt64();
        if (entries != target.Count)
            throw new InvalidDataException($"checkpoint must hold {target.Count} model tensors, but it holds {entries}");
        for (var i = 0; i < entries; i++)
        {
            var name = reader.ReadString();
            if (!target.TryGetValue(name, out var tensor))
                throw new InvalidDataException($"checkpoint names tensor '{name}', which the model lacks (it has {string.Join(", ", target.Keys)})");
            TorchSharp.TensorExtensionMethods.Load(tensor, reader);
        }
    }
}
