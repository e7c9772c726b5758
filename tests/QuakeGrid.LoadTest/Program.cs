using System.Diagnostics;
using System.Globalization;
using QuakeGrid.LoadTest;

// HTTP load benchmark: N concurrent clients, each looping GET over the query URLs (a client starts at its own offset) for
// the duration after a warm-up pass that touches every URL once; reports latency percentiles, throughput and errors.
var o = LoadOptions.Parse(args);
var handler = new SocketsHttpHandler { MaxConnectionsPerServer = o.Clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var http = new HttpClient(handler) { BaseAddress = o.Url, Timeout = TimeSpan.FromSeconds(30) };
var random = new Random(o.Seed);
var urls = o.Mode switch
{
    "hazard" => await Setup.HazardAsync(http, o.Points, random),
    "shaking" => await Setup.ShakingAsync(http, o.Points, random),
    _ => ["/health"], // the floor: Kestrel, routing and a membership lookup, no grain call
};

var warm = Stopwatch.StartNew();
var warmErrors = 0;
await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (url, ct) =>
{
    using var r = await http.GetAsync(url, ct);
    if (!r.IsSuccessStatusCode) { Interlocked.Increment(ref warmErrors); Console.Error.WriteLine($"{(int)r.StatusCode} {url}: {await r.Content.ReadAsStringAsync(ct)}"); }
});
Console.WriteLine($"warm-up: {urls.Length} distinct points in {warm.Elapsed.TotalSeconds:F1} s ({warmErrors} errors)");
if (o.WarmupSeconds > 0) await Task.Delay(TimeSpan.FromSeconds(o.WarmupSeconds));

var latencies = new List<double>[o.Clients];
var errors = 0;
var runStart = Stopwatch.GetTimestamp();
var stop = Stopwatch.StartNew();
var end = TimeSpan.FromSeconds(o.DurationSeconds);
var tasks = Enumerable.Range(0, o.Clients).Select(c => Task.Run(async () =>
{
    var mine = latencies[c] = new List<double>(100_000);
    var i = c * 7919 % urls.Length;
    var interval = o.Rate > 0 ? TimeSpan.FromSeconds(1.0 / o.Rate) : TimeSpan.Zero;
    var next = stop.Elapsed + interval * (c / (double)o.Clients); // spread the clients' phases over one interval
    while (stop.Elapsed < end)
    {
        if (o.Rate > 0)
        {
            var wait = next - stop.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
        }
        var t0 = o.Rate > 0 ? runStart + (long)(next.TotalSeconds * Stopwatch.Frequency) : Stopwatch.GetTimestamp();
        next += interval;
        try
        {
            using var r = await http.GetAsync(urls[i]);
            await r.Content.ReadAsByteArrayAsync();
            if (!r.IsSuccessStatusCode) Interlocked.Increment(ref errors);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref errors);
        }
        mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        i = (i + 1) % urls.Length;
    }
})).ToArray();
await Task.WhenAll(tasks);
var elapsed = stop.Elapsed.TotalSeconds;
var all = latencies.SelectMany(l => l).ToArray();
Array.Sort(all);
double P(double q) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
var inv = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(inv, $"mode {o.Mode}: {o.Clients} clients, {(o.Rate > 0 ? $"{o.Rate} req/s each (open loop)" : "closed loop")}, {elapsed:F1} s, {all.Length:N0} requests ({all.Length / elapsed:F0}/s), {errors} errors"));
Console.WriteLine(string.Create(inv, $"latency ms: p50 {P(0.50):F2}  p90 {P(0.90):F2}  p99 {P(0.99):F2}  p99.9 {P(0.999):F2}  max {all[^1]:F2}"));
return errors == 0 ? 0 : 1;
