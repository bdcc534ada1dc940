using TorchSharp;
using TorchSharp.Modules;
using HeldScalar = Tuner.Trainer.Workloads.Optimizers;
using static TorchSharp.torch;

namespace Tuner.Trainer.Tests.Workloads.Optimizers;

/// <summary>Tuner's optimizers (which hold their scalars, see TorchScalars) must train exactly as TorchSharp's own: the
/// same parameters bit for bit after every step, and the same saved state byte for byte, so checkpoints written by
/// either resume with the other.</summary>
public sealed class OptimizerEquivalenceTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    public void Adam_StepsExactlyAsTorchSharpsAdam(double weightDecay) => AssertSameTraining(
        parameters => new HeldScalar.Adam(parameters, 0.003, weightDecay),
        parameters => optim.Adam(parameters, 0.003, weight_decay: weightDecay));

    [Theory]
    [InlineData(0.9, 0.0)]
    [InlineData(0.9, 0.01)]
    [InlineData(0.0, 0.01)]
    public void Sgd_StepsExactlyAsTorchSharpsSgd(double momentum, double weightDecay) => AssertSameTraining(
        parameters => new HeldScalar.SGD(parameters, 0.05, momentum, weightDecay),
        parameters => optim.SGD(parameters, 0.05, momentum, weight_decay: weightDecay));

    private static void AssertSameTraining(
        Func<IEnumerable<Parameter>, OptimizerHelper> held, Func<IEnumerable<Parameter>, OptimizerHelper> torchSharps)
    {
        using var ours = Model();
        using var theirs = Model();
        using var oursOptimizer = held(ours.parameters());
        using var theirsOptimizer = torchSharps(theirs.parameters());
        using var generator = new Generator(11);

        for (var step = 1; step <= 25; step++)
        {
            using var scope = NewDisposeScope();
            var input = randn([16, 12], generator: generator);
            var target = randn([16, 3], generator: generator);
            foreach (var (model, optimizer) in new[] { (ours, oursOptimizer), (theirs, theirsOptimizer) })
            {
                optimizer.zero_grad();
                nn.functional.mse_loss(model.call(input), target).backward();
                optimizer.step();
            }
            foreach (var (name, parameter) in ours.named_parameters())
                Assert.True(parameter.equal(theirs.get_parameter(name)!).all().item<bool>(), $"parameter '{name}' differs after step {step}");
        }
        Assert.Equal(SavedState(theirsOptimizer), SavedState(oursOptimizer));
    }

    private static Sequential Model()
    {
        var model = nn.Sequential(nn.Linear(12, 8), nn.ReLU(), nn.Linear(8, 3));
        using var noGrad = no_grad();
        using var generator = new Generator(5);
        foreach (var parameter in model.parameters()) parameter.uniform_(-0.3, 0.3, generator);
        return model;
    }

    private static byte[] SavedState(OptimizerHelper optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) optimizer.save_state_dict(writer);
        return stream.ToArray();
    }
}
