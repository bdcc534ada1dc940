using Tuner.Core.Checkpoints;
using Tuner.Core.Model;
using Tuner.Search;

namespace Tuner.Core.Tests.Checkpoints;

/// <summary>The retention rule on its own: no database.</summary>
public sealed class CheckpointRetentionRuleTests
{
    private static readonly Dictionary<int, double> Accuracy = new() { [1] = 0.80, [2] = 0.90, [3] = 0.85 };

    [Fact]
    public void ALiveTrial_KeepsItsLatestAndItsBestCheckpoint()
    {
        var live = Checkpoints((1, 0), (2, 0), (3, 0), (3, 500));

        var doomed = CheckpointRetentionRule.Doomed(TrialStatus.Running, live, Accuracy, StudyDirection.Maximize);

        Assert.Equal([(1, 0), (3, 0)], doomed.Select(c => (c.Epoch, c.Batch)));
    }

    [Fact]
    public void ACompleteTrial_KeepsOnlyItsBest_ByTheObjectivesDirection()
    {
        var live = Checkpoints((1, 0), (2, 0), (3, 0));

        var maximized = CheckpointRetentionRule.Doomed(TrialStatus.Complete, live, Accuracy, StudyDirection.Maximize);
        var minimized = CheckpointRetentionRule.Doomed(TrialStatus.Complete, live, Accuracy, StudyDirection.Minimize);

        Assert.Equal([1, 3], maximized.Select(c => c.Epoch));
        Assert.Equal([2, 3], minimized.Select(c => c.Epoch));
    }

    [Theory]
    [InlineData(TrialStatus.Pruned)]
    [InlineData(TrialStatus.Failed)]
    [InlineData(TrialStatus.Cancelled)]
    public void AnEndedTrialThatDidNotComplete_KeepsNothing(TrialStatus status)
    {
        var live = Checkpoints((1, 0), (2, 0));

        Assert.Equal(live, CheckpointRetentionRule.Doomed(status, live, Accuracy, StudyDirection.Maximize));
        Assert.False(CheckpointRetentionRule.KeepsBest(status));
    }

    [Fact]
    public void Best_IsAnEpochBoundaryCheckpoint_TheEarliestOnATie()
    {
        var live = Checkpoints((2, 100), (1, 0), (4, 0));
        var values = new Dictionary<int, double> { [1] = 0.5, [2] = 0.9, [4] = 0.5 };

        Assert.Equal((1, 0), CheckpointRetentionRule.Best(live, values, StudyDirection.Maximize) is { } b ? (b.Epoch, b.Batch) : default);
    }

    private static List<Checkpoint> Checkpoints(params (int Epoch, int Batch)[] positions) =>
        positions.Select((p, i) => new Checkpoint
        {
            Id = i + 1, TrialId = 1, Epoch = p.Epoch, Batch = p.Batch, Key = $"k{i}", Uri = $"file:///k{i}", State = CheckpointState.Live,
        }).ToList();
}
