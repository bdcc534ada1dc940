using Tuner.Core.Models;
using Tuner.Search;

namespace Tuner.Core.Tests.Models;

/// <summary>The promotion rule on hand-made scores: a strict improvement of at least the margin, in the objective's
/// direction, and no guarded metric worse by more than its tolerance.</summary>
public sealed class PromotionGateTests
{
    private static readonly PromotionPolicy AnyImprovement = PromotionPolicy.Default;

    private static Dictionary<string, double> Scores(double accuracy, double loss) => new() { ["val_accuracy"] = accuracy, ["val_loss"] = loss };

    [Fact]
    public void WithNoChampion_TheFirstChallengerPasses()
    {
        var verdict = PromotionGate.Judge("val_accuracy", StudyDirection.Maximize, AnyImprovement, Scores(0.91, 0.3), null);

        Assert.Equal(new PromotionVerdict(true, "no champion yet: the challenger scored val_accuracy = 0.91"), verdict);
    }

    [Theory]
    [InlineData(0.92, 0.0, true, "val_accuracy 0.92 against the champion's 0.9 on the same data: better by 0.02")]
    [InlineData(0.90, 0.0, false, "val_accuracy 0.9 against the champion's 0.9 on the same data: no better")]
    [InlineData(0.88, 0.0, false, "val_accuracy 0.88 against the champion's 0.9 on the same data: worse by 0.02")]
    [InlineData(0.905, 0.01, false, "val_accuracy 0.905 against the champion's 0.9 on the same data: better by 0.005, less than the margin 0.01")]
    [InlineData(0.91, 0.01, true, "val_accuracy 0.91 against the champion's 0.9 on the same data: better by 0.01, at least the margin 0.01")]
    public void AMaximizedObjective_MustImproveByAtLeastTheMargin(double challenger, double margin, bool passes, string reason)
    {
        var verdict = PromotionGate.Judge("val_accuracy", StudyDirection.Maximize, AnyImprovement with { Margin = margin },
            Scores(challenger, 0.3), Scores(0.9, 0.3));

        Assert.Equal(new PromotionVerdict(passes, reason), verdict);
    }

    [Fact]
    public void AMinimizedObjective_IsBetterLower()
    {
        var lower = PromotionGate.Judge("val_loss", StudyDirection.Minimize, AnyImprovement, Scores(0.9, 0.25), Scores(0.9, 0.3));
        var higher = PromotionGate.Judge("val_loss", StudyDirection.Minimize, AnyImprovement, Scores(0.9, 0.35), Scores(0.9, 0.3));

        Assert.Equal(new PromotionVerdict(true, "val_loss 0.25 against the champion's 0.3 on the same data: better by 0.05"), lower);
        Assert.Equal(new PromotionVerdict(false, "val_loss 0.35 against the champion's 0.3 on the same data: worse by 0.05"), higher);
    }

    [Fact]
    public void AGuardedMetric_MayRegressUpToItsTolerance_NotBeyond()
    {
        var policy = AnyImprovement with { Guards = [new MetricGuard("val_loss", 0.05, StudyDirection.Minimize)] };

        var within = PromotionGate.Judge("val_accuracy", StudyDirection.Maximize, policy, Scores(0.92, 0.34), Scores(0.9, 0.3));
        var beyond = PromotionGate.Judge("val_accuracy", StudyDirection.Maximize, policy, Scores(0.92, 0.36), Scores(0.9, 0.3));
        var improved = PromotionGate.Judge("val_accuracy", StudyDirection.Maximize, policy, Scores(0.92, 0.1), Scores(0.9, 0.3));

        Assert.Equal(new PromotionVerdict(true, "val_accuracy 0.92 against the champion's 0.9 on the same data: better by 0.02; val_loss within tolerance"), within);
        Assert.Equal(new PromotionVerdict(false,
            "val_accuracy 0.92 against the champion's 0.9 on the same data, but val_loss regressed from 0.3 to 0.36, by 0.06, more than its tolerance 0.05"), beyond);
        Assert.True(improved.Passes);
    }

    [Fact]
    public void AMetricMissingFromEitherScore_Refuses_SayingWhich()
    {
        var guarded = AnyImprovement with { Guards = [new MetricGuard("auc", 0.01, StudyDirection.Maximize)] };

        var noObjective = PromotionGate.Judge("val_f1", StudyDirection.Maximize, AnyImprovement, Scores(0.9, 0.3), Scores(0.8, 0.3));
        var championMissing = PromotionGate.Judge("val_accuracy", StudyDirection.Maximize, AnyImprovement, Scores(0.9, 0.3), new Dictionary<string, double>());
        var noGuard = PromotionGate.Judge("val_accuracy", StudyDirection.Maximize, guarded, Scores(0.95, 0.3), Scores(0.9, 0.3));

        Assert.Equal(new PromotionVerdict(false, "the challenger's evaluation reported no val_f1"), noObjective);
        Assert.Equal(new PromotionVerdict(false, "the champion's re-scoring reported no val_accuracy"), championMissing);
        Assert.Equal(new PromotionVerdict(false,
            "val_accuracy 0.95 against the champion's 0.9 on the same data, but the guarded metric auc was not reported by both"), noGuard);
    }
}
