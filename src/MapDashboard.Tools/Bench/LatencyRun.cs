using System.Diagnostics;

namespace MapDashboard.Tools.Bench;

/// <summary>Runs a list of jobs on N concurrent workers and reports throughput and latency percentiles.</summary>
public sealed record LatencyRun(int Count, double Seconds, double P50Ms, double P95Ms, long Bytes)
{
    public double PerSecond => Count / Seconds;

    public static async Task<LatencyRun> MeasureAsync<T>(IReadOnlyList<T> jobs, int concurrency, Func<T, Task<int>> run)
    {
        var latencies = new double[jobs.Count];
        var next = -1;
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < jobs.Count)
            {
                var started = Stopwatch.GetTimestamp();
                Interlocked.Add(ref bytes, await run(jobs[i]));
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new LatencyRun(jobs.Count, seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.95), bytes);
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
