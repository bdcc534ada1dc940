using Tuner.Trainer.Workloads;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads <c>workload: { kind, max_epochs, train_samples, validation_samples }</c>.</summary>
internal static class WorkloadReader
{
    private static readonly string[] Keys = ["kind", "max_epochs", "train_samples", "validation_samples"];

    /// <summary>What could be read; <see cref="WorkloadFields.Workload"/> is set whenever the kind is known, so the
    /// space can be checked against it even when another workload key is wrong.</summary>
    public sealed record WorkloadFields(string? Kind, IWorkload? Workload, int? MaxEpochs, int? TrainSamples, int? ValidationSamples);

    public static WorkloadFields Read(MappingReader document)
    {
        var section = document.Section("workload", Keys, required: true);
        if (section is null) return new WorkloadFields(null, null, null, null, null);

        var kind = section.OneOf("kind", WorkloadCatalog.Kinds.ToList(), "workload", required: true);
        var workload = kind is null ? null : WorkloadCatalog.Find(kind);
        return new WorkloadFields(
            workload is null ? null : kind,
            workload,
            section.Int("max_epochs", required: true, min: 1),
            section.Int("train_samples", required: false, min: 1),
            section.Int("validation_samples", required: false, min: 1));
    }
}
