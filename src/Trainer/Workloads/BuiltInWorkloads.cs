using Tuner.Trainer.Workloads.MnistMlp;
using Tuner.Trainer.Workloads.Tabular;
using Tuner.Workloads;

namespace Tuner.Trainer.Workloads;

/// <summary>The workloads built into every worker, by kind. A team's own model comes as a plugin bundle instead
/// (see Tuner.Trainer.Plugins).</summary>
public static class BuiltInWorkloads
{
    private static readonly IReadOnlyList<IWorkload> Workloads = [new MnistMlpWorkload(), new TabularMlpWorkload(), new Synthetic.SyntheticWorkload()];

    public static IReadOnlyList<string> Kinds { get; } = Workloads.Select(w => w.Kind).ToList();

    public static IWorkload? Find(string kind) => Workloads.FirstOrDefault(w => w.Kind == kind);
}
