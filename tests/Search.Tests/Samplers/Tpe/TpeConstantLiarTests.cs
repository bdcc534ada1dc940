using Tuner.Search.Samplers;
using Tuner.Search.Samplers.Tpe;

namespace Tuner.Search.Tests.Samplers.Tpe;

public class TpeConstantLiarTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SecondAsk_AvoidsThePendingSuggestion_WithConstantLiar(bool multivariate)
    {
        double withLiar = 0, withoutLiar = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var liar = new TpeSampler(seed, new TpeOptions(Multivariate: multivariate));
            var history = TpeHistories.Run(new TpeSampler(seed), TpeSpaces.Branin, TpeSpaces.BraninValue, 30).Trials.ToList();
            var first = liar.Sample(new SamplingContext(TpeSpaces.Branin, StudyDirection.Minimize, history, 30));
            List<FrozenTrial> pending = [.. history, new(30, TrialState.Running, first, new Dictionary<int, double>(), null)];

            var second = liar.Sample(new SamplingContext(TpeSpaces.Branin, StudyDirection.Minimize, pending, 31));
            var ignoring = new TpeSampler(seed, new TpeOptions(Multivariate: multivariate, ConstantLiar: false))
                .Sample(new SamplingContext(TpeSpaces.Branin, StudyDirection.Minimize, pending, 31));

            Assert.NotEqual(first, second);
            withLiar += Distance(first, second);
            withoutLiar += Distance(first, ignoring);
        }

        Assert.True(withLiar > withoutLiar, $"mean distance from the pending trial: {withLiar / 20} with the liar, {withoutLiar / 20} without");
    }

    private static double Distance(IReadOnlyDictionary<string, object> a, IReadOnlyDictionary<string, object> b) =>
        Math.Sqrt(Math.Pow((double)a["x1"] - (double)b["x1"], 2) + Math.Pow((double)a["x2"] - (double)b["x2"], 2));
}
