using TorchSharp;
using static TorchSharp.torch;

namespace Tuner.Trainer.Workloads.Optimizers;

/// <summary>TorchSharp's Adam (no AMSGrad, minimizing) with the same arithmetic in the same order, except that every
/// scalar is held across its native call (<see cref="TorchScalars"/>): results are identical to <c>optim.Adam</c>'s.
/// The class keeps the name Adam because saved state begins with the optimizer's type name, so checkpoints written by
/// either load into the other.</summary>
public sealed class Adam(IEnumerable<TorchSharp.Modules.Parameter> parameters, double learningRate, double weightDecay)
    : TorchSharp.Modules.Adam(parameters, learningRate, weight_decay: weightDecay)
{
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        if (options.amsgrad == true || options.maximize == true)
            throw new NotSupportedException($"{nameof(Adam)} supports neither AMSGrad nor maximizing");
        var (beta1, beta2) = (options.beta1!.Value, options.beta2!.Value);
        var (weightDecay, learningRate) = (options.weight_decay!.Value, options.LearningRate!.Value);
        using var decay = TorchScalars.Hold(weightDecay);
        using var keep1 = TorchScalars.Hold(beta1);
        using var blend1 = TorchScalars.Hold(1 - beta1);
        using var keep2 = TorchScalars.Hold(beta2);
        using var blend2 = TorchScalars.Hold(1 - beta2);
        using var eps = TorchScalars.Hold(options.eps!.Value);
        using var one = TorchScalars.Hold(1); // add_(Scalar) would make this alpha itself, unheld

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
            using var correction2 = TorchScalars.Hold(Math.Sqrt(biasCorrection2));
            var denominator = state.exp_avg_sq.sqrt().div(correction2).add_(eps, one);
            using var stepSize = TorchScalars.Hold(-(learningRate / biasCorrection1));
            param.addcdiv_(state.exp_avg, denominator, value: stepSize);
        }
    }, closure);
}
