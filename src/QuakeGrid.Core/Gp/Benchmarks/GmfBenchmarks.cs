using System.Diagnostics;
using System.Globalization;
using System.Text;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Dense;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Random;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Core.Gp.Benchmarks;

/// <summary>Timings of one unconditional within-event field benchmark. Times in seconds; memory in bytes.</summary>
public sealed record GmfBenchmarkResult(
    string Name, int Sites, int Events, int Neighbours, string Kernel, VecchiaOrdering Ordering,
    double OrderingSeconds, double NeighbourSeconds, double FactorSeconds, double SampleSeconds,
    double CpuSeconds, long FactorBytes, long FieldBytes, long PeakWorkingSetBytes, double MeanVariance, double ProcessWallSeconds = double.NaN)
{
    public double SetupSeconds => OrderingSeconds + NeighbourSeconds + FactorSeconds;
    public double TotalSeconds => SetupSeconds + SampleSeconds;
    public double MillisecondsPerField => SampleSeconds * 1000.0 / Events;

    public string ToMarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Sites:N0} | {Events:N0} | {Neighbours} | {Ordering} | {OrderingSeconds:F2} | {NeighbourSeconds:F2} | {FactorSeconds:F2} | {SetupSeconds:F2} | {SampleSeconds:F2} | {MillisecondsPerField:F2} | {TotalSeconds:F2} | {CpuSeconds:F1} | {ProcessWallSeconds:F2} | {PeakWorkingSetBytes / 1048576.0:F0} | {MeanVariance:F3} |");

    public const string MarkdownHeader =
        "| case | N | E | m | ordering | ordering s | neighbours s | factor s | setup s | sampling s | ms/field | total s | CPU s | process wall s | peak RSS MiB | mean var |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
}

/// <summary>
/// Performance figures for the unconditional field generator (not tests), meant for <c>quakegrid bench gmf</c>:
/// Vecchia setup (ordering + neighbours + factor) and batched sampling for the cases, the dense Cholesky
/// against MathNet, and the accuracy tables. Every case uses JB2009 at PGA without Vs30 clustering and Vs30 = 760 m/s.
/// Peak memory is the process's peak working set (VmHWM) when the case ends, so run one large case per process.
/// "CPU s" is the process CPU time of the case (all threads, user + system: setup, sampling and the variance check);
/// "process wall s" is the time since the process started (runtime start-up and JIT included) when the case ends.
/// </summary>
public static class GmfBenchmarks
{
    /// <summary>Regular lon/lat grid of <paramref name="nx"/>×<paramref name="ny"/> sites at <paramref name="spacingKm"/> (longitude step scaled by latitude), optionally jittered uniformly by ±jitter·spacing.</summary>
    public static SiteCollection Grid(int nx, int ny, double spacingKm, double lon0 = -122.8, double lat0 = 37.0, double jitter = 0.0, ulong seed = 1)
    {
        var n = nx * ny;
        var lon = new double[n];
        var lat = new double[n];
        var dLat = spacingKm / 111.19492664455873;
        var dLon = dLat / Math.Cos((lat0 + ny * dLat / 2) * Math.PI / 180);
        var g = new Xoshiro256StarStar(seed);
        for (var j = 0; j < ny; j++)
            for (var i = 0; i < nx; i++)
            {
                var k = j * nx + i;
                var jx = jitter > 0 ? (2 * g.NextDouble() - 1) * jitter : 0;
                var jy = jitter > 0 ? (2 * g.NextDouble() - 1) * jitter : 0;
                lon[k] = lon0 + (i + jx) * dLon;
                lat[k] = lat0 + (j + jy) * dLat;
            }
        var vs30 = new double[n];
        Array.Fill(vs30, 760.0);
        return new SiteCollection(lon, lat, vs30, source: "benchmark grid");
    }

    /// <summary>Runs one Vecchia case: structure, factor, then E fields sampled in batches into one N×E double buffer.</summary>
    public static GmfBenchmarkResult RunVecchia(string name, SiteCollection siteCollection, int events, int m = 30,
        VecchiaOrdering ordering = VecchiaOrdering.MaxMin, string kernelSpec = "JB2009", ulong seed = 42)
    {
        var proc = Process.GetCurrentProcess();
        var cpu0 = proc.TotalProcessorTime;
        var sites = CorrelationSiteBuilder.FromSites(siteCollection);
        var kernel = CorrelationFactory.Parse(kernelSpec, Imt.Pga);
        var structure = VecchiaStructure.Build(sites.X, sites.Y, new VecchiaOptions(m, ordering));
        var factor = VecchiaFactor.Compute(structure, sites, kernel);
        var seeds = new ulong[events];
        for (var e = 0; e < events; e++) seeds[e] = SeedDerivation.Derive(seed, e, "gmf-within:PGA");
        var fields = LargeArray.Uninitialized<double>((long)sites.Count * events);
        var sw = Stopwatch.StartNew();
        VecchiaSampler.Sample(factor, seeds, fields);
        var sampling = sw.Elapsed.TotalSeconds;
        // Sanity: mean sample variance over a subset of sites (should be ≈ 1).
        double v = 0;
        var step = Math.Max(1, sites.Count / 1000);
        var count = 0;
        for (var i = 0; i < sites.Count; i += step, count++)
        {
            double s = 0;
            for (var e = 0; e < events; e++) s += fields[(long)i * events + e] * fields[(long)i * events + e];
            v += s / events;
        }
        proc.Refresh();
        var cpu = (proc.TotalProcessorTime - cpu0).TotalSeconds;
        return new GmfBenchmarkResult(name, sites.Count, events, m, kernel.Name, ordering,
            structure.OrderingTime.TotalSeconds, structure.NeighbourTime.TotalSeconds, factor.FactorTime.TotalSeconds, sampling,
            cpu, factor.Bytes + (long)structure.Neighbours.Length * 4, fields.LongLength * 8, proc.PeakWorkingSet64, v / count,
            (DateTime.Now - proc.StartTime).TotalSeconds);
    }

    /// <summary>The case: N = 20,000 (200 × 100 grid at 2 km), E = 1,000.</summary>
    public static GmfBenchmarkResult Grid20k(int events = 1000, VecchiaOrdering ordering = VecchiaOrdering.MaxMin) =>
        RunVecchia("grid 2 km", Grid(200, 100, 2.0), events, 30, ordering);

    /// <summary>The case: N = 10⁶ (1000 × 1000 grid at 0.2 km, positions jittered by ±0.4 spacing), E = 100.</summary>
    public static GmfBenchmarkResult Jittered1M(int events = 100, VecchiaOrdering ordering = VecchiaOrdering.LevelMorton) =>
        RunVecchia("jittered 10^6", Grid(1000, 1000, 0.2, jitter: 0.4), events, 30, ordering);

    /// <summary>Dense reference at N sites (grid at 2 km): correlation matrix, blocked Cholesky, E fields by L·Z.</summary>
    public static (double BuildSeconds, double FactorSeconds, double SampleSeconds, double Gflops) RunDense(int n, int events)
    {
        var nx = (int)Math.Ceiling(Math.Sqrt(n));
        var sc = Grid(nx, (n + nx - 1) / nx, 2.0);
        var sites = CorrelationSiteBuilder.FromSites(new SiteCollection(sc.Lon[..n], sc.Lat[..n], sc.Vs30[..n]));
        var kernel = new JayaramBaker2009Correlation(Imt.Pga, false);
        var sw = Stopwatch.StartNew();
        var r = DenseCorrelationMatrix.Build(sites, kernel);
        var tb = sw.Elapsed.TotalSeconds;
        sw.Restart();
        DenseCholesky.FactorInPlace(r, n);
        var tf = sw.Elapsed.TotalSeconds;
        var seeds = Enumerable.Range(0, events).Select(e => SeedDerivation.Derive(42, e, "gmf-within:PGA")).ToArray();
        sw.Restart();
        new DenseMvnSampler(r, n).Sample(seeds);
        return (tb, tf, sw.Elapsed.TotalSeconds, (double)n * n * n / 3 / tf / 1e9);
    }

    /// <summary>
    /// Runs the named cases and returns a markdown report: <c>chol</c> (dense Cholesky at 2000 and 4000 vs MathNet),
    /// <c>20k</c>, <c>1m</c>, <c>dense</c> (N = 4000, E = 1000), <c>accuracy</c> (JB2009 tables at N = 2000).
    /// </summary>
    public static string Report(IEnumerable<string> cases, TextWriter? progress = null)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        foreach (var c in cases)
        {
            progress?.WriteLine($"running {c} ...");
            switch (c)
            {
                case "chol":
                    sb.AppendLine("| n | blocked s | blocked GFLOP/s | MathNet s | MathNet GFLOP/s | max abs diff |");
                    sb.AppendLine("|---|---|---|---|---|---|");
                    foreach (var n in new[] { 2000, 4000 })
                    {
                        var t = CholeskyBenchmark.Run(n);
                        sb.AppendLine(string.Create(inv, $"| {n} | {t.BlockedSeconds:F3} | {t.BlockedGflops:F1} | {t.MathNetSeconds:F2} | {t.MathNetGflops:F2} | {t.MaxAbsDifference:E1} |"));
                    }
                    break;
                case "20k":
                case "1m":
                    sb.AppendLine(GmfBenchmarkResult.MarkdownHeader);
                    foreach (var o in c == "20k" ? new[] { VecchiaOrdering.MaxMin, VecchiaOrdering.LevelMorton } : new[] { VecchiaOrdering.LevelMorton })
                    {
                        var r = c == "20k" ? Grid20k(ordering: o) : Jittered1M(ordering: o);
                        sb.AppendLine(r.ToMarkdownRow());
                    }
                    break;
                case "sample":
                    sb.Append(VecchiaSamplingComparison.Run([16, 0], 3, progress));
                    break;
                case "factor":
                    sb.Append(VecchiaFactorComparison.Run(2, progress));
                    break;
                case "dense":
                {
                    var (b, f, s, g) = RunDense(4000, 1000);
                    sb.AppendLine(string.Create(inv, $"dense N = 4000, E = 1000: matrix {b:F2} s, Cholesky {f:F2} s ({g:F1} GFLOP/s), sampling {s:F2} s"));
                    break;
                }
                case "accuracy":
                    foreach (var imt in new[] { Imt.Pga, Imt.Sa(1.0) })
                    {
                        var g = new Xoshiro256StarStar(2026);
                        var lon = new double[2000];
                        var lat = new double[2000];
                        for (var i = 0; i < 2000; i++)
                        {
                            lon[i] = -122.5 + 0.6 / Math.Cos(37.5 * Math.PI / 180) * g.NextDouble();
                            lat[i] = 37.2 + 0.6 * g.NextDouble();
                        }
                        var sites = CorrelationSiteBuilder.FromSites(new SiteCollection(lon, lat, Enumerable.Repeat(760.0, 2000).ToArray()));
                        var rows = VecchiaAccuracyStudy.Run(sites, new JayaramBaker2009Correlation(imt, false), [5, 10, 20, 30, 50]);
                        sb.AppendLine(VecchiaAccuracyStudy.ToMarkdown($"JB2009 {imt}, N = 2000 random sites (60 × 60 km)", rows));
                    }
                    break;
                default:
                    throw new ArgumentException($"unknown benchmark case '{c}' (expected chol, 20k, 1m, factor, sample, dense, accuracy)");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
