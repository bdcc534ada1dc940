namespace Tuner.Benchmarks.Search;

/// <summary>
/// One line of the search command: the best value one seed's run found, its regret against the function's known
/// minimum, and the median and 99th-percentile time of an ask in milliseconds.
/// </summary>
public sealed record SearchResult(
    string Function,
    int Dims,
    string Sampler,
    int Trials,
    int Seed,
    double Best,
    double Regret,
    double AskMsMedian,
    double AskMsP99);
