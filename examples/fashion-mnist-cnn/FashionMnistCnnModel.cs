using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnistCnn;

/// <summary>[n, 1, 28, 28] → conv 3x3 (c channels) → ReLU → max-pool 2 → conv 3x3 (2c) → ReLU → max-pool 2 →
/// dropout → linear (hidden units) → ReLU → linear → 10 logits. The convolutions pad by one, so the features entering
/// the first linear layer are 2c × 7 × 7. Initialization and dropout draw from the trial's own generators, never the
/// global one, so trials running side by side in one worker stay reproducible.</summary>
internal sealed class FashionMnistCnnModel : nn.Module<Tensor, Tensor>
{
    // The field names are the names of the saved tensors (conv1.weight, ...).
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Linear hidden;
    private readonly Linear output;
    private readonly double _dropout;
    private readonly Scalar _keptScale; // 1 - dropout, held across the native call
    private readonly Generator _dropoutGenerator;

    public FashionMnistCnnModel(FashionMnistCnnParameters parameters, long initSeed, Generator dropoutGenerator)
        : base(nameof(FashionMnistCnnModel))
    {
        var channels = parameters.Channels;
        conv1 = nn.Conv2d(1, channels, kernel_size: 3, padding: 1);
        conv2 = nn.Conv2d(channels, 2 * channels, kernel_size: 3, padding: 1);
        hidden = nn.Linear(2 * channels * 7 * 7, parameters.HiddenUnits);
        output = nn.Linear(parameters.HiddenUnits, FashionMnistData.Classes);
        _dropout = parameters.Dropout;
        _keptScale = (1 - _dropout).ToScalar();
        _dropoutGenerator = dropoutGenerator;
        RegisterComponents();
        Initialize(initSeed);
    }

    public override Tensor forward(Tensor input)
    {
        var x = nn.functional.max_pool2d(nn.functional.relu(Convolve(conv1, input)), kernel_size: 2);
        x = nn.functional.max_pool2d(nn.functional.relu(Convolve(conv2, x)), kernel_size: 2).flatten(1);
        if (training && _dropout > 0)
            // The mask is drawn on the CPU with the trial's generator (TorchSharp creates CPU generators only), then
            // moved to the model's device: the same masks on CPU and CUDA, reproducible from the seed.
            x = x * torch.empty(x.shape).bernoulli_(1 - _dropout, _dropoutGenerator).div_(_keptScale).to(x.device);
        return output.call(nn.functional.relu(hidden.call(x)));
    }

    /// <summary>The 3x3 convolution of <paramref name="conv"/> (padding 1): cuDNN's on CUDA; on the CPU the same
    /// arithmetic as im2col and one matrix product, which is how libtorch convolves when oneDNN does not.</summary>
    /// <remarks>libtorch 2.10's oneDNN convolution (TorchSharp 0.107 on an AVX-512 CPU) now and then returns NaN or
    /// garbage, forward and backward, when a layer's channel count is not a multiple of 16: with 21 channels a trial's
    /// loss became NaN within its first hundred batches, from fixed weights and inputs too. The unfolded form uses
    /// libtorch's own kernels and the matrix product the linear layers use: no NaN, and deterministic.</remarks>
    private static Tensor Convolve(Conv2d conv, Tensor x)
    {
        if (x.device_type != DeviceType.CPU) return conv.call(x);
        var (n, height, width) = (x.shape[0], x.shape[2], x.shape[3]);
        var columns = nn.functional.unfold(x, kernel_size: 3, padding: 1); // [n, in × 9, height × width]
        var y = conv.weight!.flatten(1).matmul(columns) + conv.bias!.view(-1, 1); // [n, out, height × width]
        return y.view(n, -1, height, width);
    }

    // PyTorch's default for Conv2d and Linear (kaiming_uniform with a=√5, and the bias alike): U(-1/√fan_in, 1/√fan_in),
    // where fan_in is the inputs of one output unit (in_channels × 3 × 3 for a convolution).
    private void Initialize(long seed)
    {
        using var noGrad = torch.no_grad();
        using var generator = new Generator((ulong)seed);
        foreach (var (weight, bias) in new[] { (conv1.weight, conv1.bias), (conv2.weight, conv2.bias), (hidden.weight, hidden.bias), (output.weight, output.bias) })
        {
            var bound = 1 / Math.Sqrt(weight!.numel() / weight.shape[0]);
            // Tensor.uniform_, not nn.init.uniform_: TorchSharp 0.107's init functions ignore their generator.
            weight.uniform_(-bound, bound, generator);
            bias!.uniform_(-bound, bound, generator);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            conv2.Dispose();
            hidden.Dispose();
            output.Dispose();
            _keptScale.Dispose();
        }
        base.Dispose(disposing);
    }
}
