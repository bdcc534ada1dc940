using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Tuner.Trainer.Workloads;

/// <summary>The multilayer perceptron of the built-in workloads: inputs → hidden (ReLU, dropout) × layers → outputs.
/// Initialization and dropout draw from the trial's own generators, never the global one, so trials running side by
/// side stay reproducible.</summary>
internal sealed class SeededMlp : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> hidden = new();
    private readonly Linear output;
    private readonly double _dropout;
    private readonly Scalar _keptScale; // 1 - dropout, held across the native call (TorchScalars)
    private readonly Generator _generator;

    /// <param name="name">The module's name (the workload's model), as TorchSharp reports it.</param>
    public SeededMlp(string name, long inputs, int hiddenLayers, int hiddenUnits, long outputs, double dropout, long initSeed, Generator dropoutGenerator)
        : base(name)
    {
        for (var i = 0; i < hiddenLayers; i++, inputs = hiddenUnits)
            hidden.Add(nn.Linear(inputs, hiddenUnits));
        output = nn.Linear(inputs, outputs);
        _dropout = dropout;
        _keptScale = TorchScalars.Hold(1 - _dropout);
        _generator = dropoutGenerator;
        RegisterComponents();
        Initialize(initSeed);
    }

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var layer in hidden)
        {
            x = nn.functional.relu(layer.call(x));
            if (training && _dropout > 0)
                // The mask is drawn on the CPU with the trial's generator (TorchSharp creates CPU generators only), then
                // moved to the model's device: the same masks on CPU and CUDA, reproducible from the seed.
                x = x * torch.empty(x.shape).bernoulli_(1 - _dropout, _generator).div_(_keptScale).to(x.device);
        }
        return output.call(x);
    }

    // PyTorch's default for Linear (kaiming_uniform with a=√5, and the bias alike): U(-1/√fan_in, 1/√fan_in).
    private void Initialize(long seed)
    {
        using var noGrad = torch.no_grad();
        using var generator = new Generator((ulong)seed);
        foreach (var layer in hidden.Append(output))
        {
            var bound = 1 / Math.Sqrt(layer.in_features);
            // Tensor.uniform_, not nn.init.uniform_: TorchSharp 0.107's init functions ignore their generator.
            layer.weight!.uniform_(-bound, bound, generator);
            layer.bias!.uniform_(-bound, bound, generator);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hidden.Dispose();
            output.Dispose();
            _keptScale.Dispose();
        }
        base.Dispose(disposing);
    }
}
