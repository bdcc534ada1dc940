using Tuner.Trainer.Workloads.MnistMlp;

namespace Tuner.Trainer.Workloads;

/// <summary>The workloads this build can run, by kind.</summary>
public static class WorkloadCatalog
{
    private static readonly IReadOnlyList<IWorkload> Workloads = [new MnistMlpWorkload()];

    public static IReadOnlyList<string> Kinds { get; } = Workloads.Select(w => w.Kind).ToList();

    public static IWorkload? Find(string kind) => Workloads.FirstOrDefault(w => w.Kind == kind);
}
