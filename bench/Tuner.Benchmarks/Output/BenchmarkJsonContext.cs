using System.Text.Json.Serialization;
using Tuner.Benchmarks.Compression;
using Tuner.Benchmarks.Latency;
using Tuner.Benchmarks.Memory;
using Tuner.Benchmarks.Pruning;
using Tuner.Benchmarks.Search;

namespace Tuner.Benchmarks.Output;

/// <summary>
/// The JSON of the result lines: snake_case names in declaration order, one object per line; a non-finite number
/// (for example the regret of a run where every trial was pruned) is written as "Infinity"/"NaN".
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(SearchResult))]
[JsonSerializable(typeof(LatencyResult))]
[JsonSerializable(typeof(PruneResult))]
[JsonSerializable(typeof(WorkerMemoryResult))]
[JsonSerializable(typeof(CheckpointCompressionResult))]
public sealed partial class BenchmarkJsonContext : JsonSerializerContext;
