using Tuner.Trainer;

namespace Tuner.Core.Definitions;

/// <summary>The training workload every trial runs (a kind from WorkloadCatalog) and its fixed settings.</summary>
public sealed record WorkloadSection(string Kind, WorkloadSettings Settings);
