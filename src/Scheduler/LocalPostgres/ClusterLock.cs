namespace Tuner.LocalPostgres;

/// <summary>
/// A lock file beside the data directory, held while one process checks, initializes or starts the cluster, so
/// two processes starting at once do not both run initdb or pg_ctl. The OS drops it if the holder dies.
/// </summary>
internal sealed class ClusterLock : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _file;

    private ClusterLock(FileStream file) => _file = file;

    public static async Task<ClusterLock> AcquireAsync(string dataDirectory, TimeSpan limit, CancellationToken ct)
    {
        var path = dataDirectory + ".lock";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(limit);
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix, across processes and within this one.
                return new ClusterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                // Held by another starter: wait below, up to the limit.
            }
            catch (UnauthorizedAccessException e)
            {
                throw new LocalPostgresException(
                    $"could not open lock file '{path}' as user '{Environment.UserName}': {e.Message}", e);
            }
            try
            {
                await Task.Delay(RetryDelay, deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new LocalPostgresException(
                    $"lock file '{path}' stayed held by another process for {limit.TotalSeconds:0} s while it " +
                    "started the same PostgreSQL cluster");
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
