using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Tuner.Trainer.Workloads.MnistMlp;

/// <summary>784 → hidden (ReLU, dropout) × layers → 10 logits. Initialization and dropout draw from the trial's own
/// generator, never the global one, so trials running side by side stay reproducible.</summary>
internal sealed class MnistMlpModel : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> hidden = new();
    private readonly Linear output;
    private readonly double _dropout;
    private readonly Scalar _keptScale; // 1 - dropout, held across the native call (TorchScalars)
    private readonly Generator _generator;

    public MnistMlpModel(MnistMlpParameters parameters, long initSeed, Generator dropoutGenerator)
        : base(nameof(MnistMlpModel))
    {
        var inputs = (long)Data.MnistData.ImageSize;
        for (var i = 0; i < parameters.HiddenLayers; i++, inputs = parameters.HiddenUnits)
            hidden.Add(nn.Linear(inputs, parameters.HiddenUnits));
        output = nn.Linear(inputs, 10);
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
