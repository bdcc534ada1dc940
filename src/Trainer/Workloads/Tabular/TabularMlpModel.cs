using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>inputs → hidden (ReLU, dropout) × layers → outputs (class logits, or one number). Initialization and
/// dropout draw from the trial's own generators, never the global one, so trials side by side stay reproducible.</summary>
internal sealed class TabularMlpModel : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> hidden = new();
    private readonly Linear output;
    private readonly double _dropout;
    private readonly Scalar _keptScale; // 1 - dropout, held across the native call (TorchScalars)
    private readonly Generator _generator;

    public TabularMlpModel(int inputs, int outputs, TabularMlpParameters parameters, long initSeed, Generator dropoutGenerator)
        : base(nameof(TabularMlpModel))
    {
        long width = inputs;
        for (var i = 0; i < parameters.HiddenLayers; i++, width = parameters.HiddenUnits)
            hidden.Add(nn.Linear(width, parameters.HiddenUnits));
        output = nn.Linear(width, outputs);
        _dropout = parameters.Dropout;
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
                // Drawn on the CPU with the trial's generator, then moved: the same masks on CPU and CUDA.
                x = x * torch.empty(x.shape).bernoulli_(1 - _dropout, _generator).div_(_keptScale).to(x.device);
        }
        return output.call(x);
    }

    // PyTorch's default for Linear: U(-1/√fan_in, 1/√fan_in) for weights and biases.
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
