using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnistCnn.Torch;

/// <summary>TorchSharp's Adam (no AMSGrad, minimizing) with the same arithmetic in the same order, except that every
/// scalar is held across its native call: results are identical to <c>optim.Adam</c>'s.</summary>
/// <remarks>
/// The rule for TorchSharp 0.107 code that runs in a worker: never hand libtorch a bare number where it takes a scalar
/// (<c>t.mul_(0.9)</c>, <c>add_(g, alpha: a)</c>); pass a <see cref="Scalar"/> that you hold (a field, or
/// <c>using var</c>) until the call returns. TorchSharp turns such a number into a temporary <see cref="Scalar"/>
/// whose finalizer frees the native value, and does not keep it alive during the call: a garbage collection started by
/// another thread of the worker (heartbeats, checkpoint uploads) can free it while libtorch reads it, and the trial
/// fails at random with "Unknown scalar type." TorchSharp's own optimizers do this on every step, hence this copy of
/// Tuner's (src/Trainer/Workloads/Optimizers/Adam.cs).
/// </remarks>
internal sealed class Adam(IEnumerable<TorchSharp.Modules.Parameter> parameters, double learningRate, double weightDecay)
    : TorchSharp.Modules.Adam(parameters, learningRate, weight_decay: weightDecay)
{
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        if (options.amsgrad == true || options.maximize == true)
            throw new NotSupportedException($"{nameof(Adam)} supports neither AMSGrad nor maximizing");
        var (beta1, beta2) = (options.beta1!.Value, options.beta2!.Value);
        var (weightDecay, learningRate) = (options.weight_decay!.Value, options.LearningRate!.Value);
        using var decay = weightDecay.ToScalar();
        using var keep1 = beta1.ToScalar();
        using var blend1 = (1 - beta1).ToScalar();
        using var keep2 = beta2.ToScalar();
        using var blend2 = (1 - beta2).ToScalar();
        using var eps = options.eps!.Value.ToScalar();
        using var one = 1.ToScalar(); // add_(Scalar) would make this alpha itself, unheld

        foreach (var param in group.Parameters)
        {
            var state = (State)_state[param.Handle];
            var grad = param.grad;
            if (grad is null) continue;
            state.step += 1;
            var biasCorrection1 = 1 - Math.Pow(beta1, state.step);
            var biasCorrection2 = 1 - Math.Pow(beta2, state.step);
            if (weightDecay != 0) grad = grad.add(param, alpha: decay);

            state.exp_avg.mul_(keep1).add_(grad, alpha: blend1);
            state.exp_avg_sq.mul_(keep2).addcmul_(grad, grad.conj(), value: blend2);
            using var correction2 = Math.Sqrt(biasCorrection2).ToScalar();
            var denominator = state.exp_avg_sq.sqrt().div(correction2).add_(eps, one);
            using var stepSize = (-(learningRate / biasCorrection1)).ToScalar();
            param.addcdiv_(state.exp_avg, denominator, value: stepSize);
        }
    }, closure);
}
