using Tuner.Search.Samplers.Gp;

namespace Tuner.Search.Tests.Samplers.Gp;

public class GpRegressorTests
{
    private static (double[] X, double[] Y) Data()
    {
        var random = new Random(5);
        var x = Enumerable.Range(0, 60).Select(_ => random.NextDouble()).ToArray();
        var y = Enumerable.Range(0, 30).Select(i => Math.Sin(6 * x[2 * i]) + Math.Cos(4 * x[2 * i + 1])).ToArray();
        var mean = y.Average();
        return (x, y.Select(v => v - mean).ToArray());
    }

    [Fact]
    public void FittedGp_InterpolatesTrainingPoints_WhenTheObjectiveIsDeterministic()
    {
        var (x, y) = Data();
        bool[] categorical = [false, false];
        var kernel = KernelFit.Fit(x, y, categorical, new GpOptions(DeterministicObjective: true));
        var gp = GpRegressor.Create(x, y, categorical, kernel)!;

        for (var i = 0; i < y.Length; i++)
        {
            var (mean, variance) = gp.Posterior(x.AsSpan(2 * i, 2));
            Assert.Equal(y[i], mean, 1e-3);
            Assert.True(variance < 1e-3, $"variance at a training point must be small, but got {variance}");
        }
    }

    [Fact]
    public void FittedGp_HasLowNoise_ForSmoothData()
    {
        var (x, y) = Data();
        var kernel = KernelFit.Fit(x, y, [false, false], new GpOptions());
        Assert.True(kernel.NoiseVariance < 1e-2, $"noise variance must be small for noise-free data, but got {kernel.NoiseVariance}");
        Assert.All(kernel.InverseSquaredLengthScales, l => Assert.True(double.IsFinite(l) && l > 0));
    }

    [Fact]
    public void Loss_GradientMatchesFiniteDifferences()
    {
        var (x, y) = Data();
        var likelihood = new MarginalLikelihood(x, y, [false, true], KernelFit.MinimumNoise, deterministic: false);
        double[] raw = [0.3, -0.2, 0.1, -3];
        var gradient = new double[4];
        likelihood.Loss(raw, gradient);
        for (var p = 0; p < raw.Length; p++)
        {
            const double h = 1e-6;
            var (up, down) = ((double[])raw.Clone(), (double[])raw.Clone());
            up[p] += h;
            down[p] -= h;
            var numeric = (likelihood.Loss(up, new double[4]) - likelihood.Loss(down, new double[4])) / (2 * h);
            Assert.Equal(numeric, gradient[p], 1e-4 * Math.Max(1, Math.Abs(numeric)));
        }
    }

    [Fact]
    public void PosteriorGradient_MatchesFiniteDifferences()
    {
        var (x, y) = Data();
        var gp = GpRegressor.Create(x, y, [false, false], new KernelParams([4, 9], 1.3, 1e-3))!;
        double[] point = [0.31, 0.62];
        var (dMean, dVariance) = (new double[2], new double[2]);
        gp.Posterior(point, dMean, dVariance);
        for (var d = 0; d < 2; d++)
        {
            const double h = 1e-6;
            var (up, down) = ((double[])point.Clone(), (double[])point.Clone());
            up[d] += h;
            down[d] -= h;
            var (meanUp, varianceUp) = gp.Posterior(up);
            var (meanDown, varianceDown) = gp.Posterior(down);
            Assert.Equal((meanUp - meanDown) / (2 * h), dMean[d], 1e-4);
            Assert.Equal((varianceUp - varianceDown) / (2 * h), dVariance[d], 1e-4);
        }
    }
}
