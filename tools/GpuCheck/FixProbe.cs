using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Tuner.Tools.GpuCheck;

/// <summary>`gpucheck probe DEVICE`: tries two workarounds for what fails on cuda in TorchSharp 0.107 — a dropout mask
/// drawn on the CPU from a per-trial generator and moved to the device (TorchSharp cannot create CUDA generators), and
/// loading module state in place (Module.load moves a cuda module to the CPU and back, replacing its parameters, so the
/// optimizer's state no longer matches).</summary>
internal static class FixProbe
{
    public static int Run(Device device)
    {
        using var generator = new Generator(7);
        Tensor Mask() => torch.empty(64, 128).bernoulli_(0.9, generator.manual_seed(11)).div_(0.9).to(device);
        var x = torch.ones(64, 128, device: device);
        var first = (x * Mask()).cpu();
        var second = (x * Mask()).cpu();
        Console.WriteLine($"dropout mask from a CPU generator on {device}: reproducible={first.equal(second).all().item<bool>()}, kept={first.count_nonzero().item<long>()} of 8192");

        var (model, optimizer) = Build(device);
        var (copy, copyOptimizer) = Build(device);
        var input = torch.randn(32, 784, generator: generator).to(device);
        var labels = torch.randint(0, 10, [32], generator: generator).to(device);
        for (var i = 0; i < 3; i++) Step(model, optimizer, input, labels);
        using var state = new MemoryStream();
        using (var writer = new BinaryWriter(state, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.save(writer);
            optimizer.save_state_dict(writer);
        }
        state.Position = 0;
        using (var reader = new BinaryReader(state))
        {
            LoadInPlace(copy, reader);
            copyOptimizer.load_state_dict(reader);
        }
        Step(model, optimizer, input, labels);
        Step(copy, copyOptimizer, input, labels);
        var same = model.parameters().Zip(copy.parameters()).All(p => p.First.equal(p.Second).all().item<bool>());
        Console.WriteLine($"in-place load then one more Adam step on {device}: parameters equal to the uninterrupted run={same}");
        return same && first.equal(second).all().item<bool>() ? 0 : 1;
    }

    private static (Sequential, OptimizerHelper) Build(Device device)
    {
        var model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10));
        model.to(device);
        return (model, optim.Adam(model.parameters(), 1e-3));
    }

    private static void Step(Sequential model, OptimizerHelper optimizer, Tensor input, Tensor labels)
    {
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.call(input), labels).backward();
        optimizer.step();
    }

    // What Module.load(BinaryReader) does, without its round trip through the CPU: each tensor is copied in place.
    private static void LoadInPlace(nn.Module module, BinaryReader reader)
    {
        using var noGrad = torch.no_grad();
        var target = module.state_dict();
        var entries = reader.Read7BitEncodedInt64(); // TorchSharp writes the count as LEB128, the same encoding
        if (entries != target.Count) throw new ArgumentException($"state must have {target.Count} entries, but got {entries}");
        for (var i = 0; i < entries; i++)
        {
            var key = reader.ReadString();
            if (!target.TryGetValue(key, out var tensor)) throw new ArgumentException($"state names '{key}', which the module lacks");
            tensor.Load(reader);
        }
    }
}
