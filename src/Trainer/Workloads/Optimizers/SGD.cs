using TorchSharp;
using static TorchSharp.torch;

namespace Tuner.Trainer.Workloads.Optimizers;

/// <summary>TorchSharp's SGD with momentum and weight decay (no dampening, no Nesterov, minimizing) with the same
/// arithmetic in the same order, except that every scalar is held across its native call (<see cref="TorchScalars"/>):
/// results are identical to <c>optim.SGD</c>'s. The class keeps the name SGD because saved state begins with the
/// optimizer's type name, so checkpoints written by either load into the other.</summary>
public sealed class SGD(IEnumerable<TorchSharp.Modules.Parameter> parameters, double learningRate, double momentum, double weightDecay)
    : TorchSharp.Modules.SGD(parameters, learningRate, momentum, weight_decay: weightDecay)
{
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        if (options.dampening != 0 || options.nesterov == true || options.maximize == true)
            throw new NotSupportedException($"{nameof(SGD)} supports neither dampening, Nesterov momentum nor maximizing");
        var (momentum, weightDecay) = (options.momentum!.Value, options.weight_decay!.Value);
        using var decay = TorchScalars.Hold(weightDecay);
        using var keep = TorchScalars.Hold(momentum);
        using var blend = TorchScalars.Hold(1.0);
        using var stepSize = TorchScalars.Hold(-options.LearningRate!.Value);

        foreach (var param in group.Parameters)
        {
            var state = (State)_state[param.Handle];
            var grad = param.grad;
            if (grad is null) continue;
            if (weightDecay != 0) grad = grad.add(param, alpha: decay);
            if (momentum != 0)
            {
                if (state.momentum_buffer is null)
                    state.momentum_buffer = grad.clone().detach().DetachFromDisposeScope();
                else
                    state.momentum_buffer.mul_(keep).add_(grad, alpha: blend);
                grad = state.momentum_buffer;
            }
            param.add_(grad, alpha: stepSize);
        }
    }, closure);
}
