namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>The area under the ROC curve: the chance that a random positive scores above a random negative, ties
/// counting one half (the Mann–Whitney U statistic over average ranks).</summary>
public static class RocAuc
{
    /// <summary>Binary ROC AUC of <paramref name="scores"/> (higher: more likely positive). Needs at least one
    /// positive and one negative.</summary>
    public static double Binary(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        if (scores.Count != positive.Count) throw new ArgumentException($"{scores.Count} scores but {positive.Count} labels");
        var positives = positive.Count(p => p);
        var negatives = positive.Count - positives;
        if (positives == 0 || negatives == 0)
            throw new ArgumentException($"ROC AUC needs positives and negatives, but got {positives} positives and {negatives} negatives");

        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var positiveRankSum = 0.0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var averageRank = (start + end) / 2.0 + 1; // ranks are 1-based; tied scores share their average rank
            for (var i = start; i <= end; i++)
                if (positive[order[i]]) positiveRankSum += averageRank;
            start = end + 1;
        }
        return (positiveRankSum - positives * (positives + 1.0) / 2) / ((double)positives * negatives);
    }

    /// <summary>Macro-averaged one-vs-rest ROC AUC: the mean over classes of the binary AUC of "this class" against
    /// the rest, scored by the class's probability. Classes without rows in <paramref name="labels"/> are left out
    /// (their AUC is undefined); at least two classes must have rows. With two classes it equals
    /// <see cref="Binary"/>.</summary>
    /// <param name="probabilities">Row-major rows × <paramref name="classes"/>.</param>
    public static double MacroOneVsRest(IReadOnlyList<double> probabilities, IReadOnlyList<long> labels, int classes)
    {
        var aucs = new List<double>();
        for (var c = 0; c < classes; c++)
        {
            var positive = labels.Select(label => label == c).ToArray();
            if (!positive.Contains(true) || !positive.Contains(false)) continue;
            var klass = c;
            aucs.Add(Binary(labels.Select((_, row) => probabilities[row * classes + klass]).ToArray(), positive));
        }
        if (aucs.Count < 2) throw new ArgumentException($"one-vs-rest ROC AUC needs rows of at least two classes, but {aucs.Count} of {classes} classes have rows");
        return aucs.Average();
    }
}
