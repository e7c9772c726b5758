using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using QuakeGrid.Cli.Hazard;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.IO.Nrml;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Commands;

/// <summary>
/// <c>quakegrid bench hazard</c>: the event-based hazard benchmark of the hazard issue, fixed inputs. The Nepal demo model
/// (<c>samples/nepal</c>: 23 area sources of the OpenQuake event-based risk demo, BSSA14 substituted for its GMMs),
/// event-based, PGA, SA(0.3) and SA(1.0) (40 levels each, logscale 0.005–3 g / 0.005–5 g / 0.005–3 g), JB2009
/// correlation without Vs30 clustering (Vecchia, m = 30), a regular grid (default 0.05°) over the demo region
/// 78.0–89.5 E, 25.5–31.5 N with Vs30 = 760 m/s, generated here, and a catalogue of <c>--years</c> years
/// (investigation time 50 years × n_ses). Prints the wall time of each stage, the peak working set, site-events per
/// second (sites within maximum_distance × events, and all sites × events), the per-stage CPU breakdown of the tile,
/// and classical-vs-event-based agreement at three grid sites (annual rates with Monte Carlo standard errors).
/// </summary>
public static class BenchHazardCommand
{
    public static Command Create(CliEnvironment env)
    {
        var years = new Option<int>("--years") { Description = "Catalogue length in years (a multiple of 50).", DefaultValueFactory = _ => 10_000 };
        var spacing = new Option<double>("--spacing") { Description = "Grid spacing, degrees.", DefaultValueFactory = _ => 0.05 };
        var threads = new Option<int>("--threads") { Description = "Worker threads.", DefaultValueFactory = _ => 2 };
        var sweep = new Option<int>("--events-per-sweep") { Description = "Events per Vecchia sweep (SIMD lanes).", DefaultValueFactory = _ => 32 };
        var classical = new Option<bool>("--no-classical") { Description = "Skip the classical comparison at three sites." };
        var correlation = new Option<string?>("--correlation") { Description = "Correlation model instead of JB2009: posterior:<posterior.csv>[:R] (model E, per-event draws)." };
        var command = new Command("hazard", "Event-based PSHA throughput: Nepal model, 3 IMTs, JB2009 correlation, 0.05° grid, 10,000 years.");
        command.Options.Add(years);
        command.Options.Add(spacing);
        command.Options.Add(threads);
        command.Options.Add(sweep);
        command.Options.Add(classical);
        command.Options.Add(correlation);
        command.SetAction(parse =>
        {
            var y = parse.GetValue(years);
            if (y < 50 || y % 50 != 0) throw new QuakeGridInputException("--years", y.ToString(CultureInfo.InvariantCulture), null, "must be a positive multiple of 50");
            var s = parse.GetValue(spacing);
            if (!(s >= 0.01 && s <= 1)) throw new QuakeGridInputException("--spacing", s.ToString(CultureInfo.InvariantCulture), null, "must lie in [0.01, 1] degrees");
            var t = parse.GetValue(threads);
            if (t < 1 || t > 256) throw new QuakeGridInputException("--threads", t.ToString(CultureInfo.InvariantCulture), null, "must lie in [1, 256]");
            var w = parse.GetValue(sweep);
            if (w < 1 || w > 1024) throw new QuakeGridInputException("--events-per-sweep", w.ToString(CultureInfo.InvariantCulture), null, "must lie in [1, 1024]");
            BenchLoad(env, "start");
            NepalHazardBenchmark.Run(env.Out, y, s, t, w, !parse.GetValue(classical), parse.GetValue(correlation));
            BenchLoad(env, "end");
            return 0;
        });
        return command;
    }

    private static void BenchLoad(CliEnvironment env, string when)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        env.Err.WriteLine($"load average at {when}: {load} ({Environment.ProcessorCount} cores)");
    }
}

/// <summary>The inputs and timed stages of <c>quakegrid bench hazard</c>.</summary>
public static class NepalHazardBenchmark
{
    public const double West = 78.0, East = 89.5, South = 25.5, North = 31.5;

    /// <summary>Grid sites, west to east then south to north, Vs30 760 m/s.</summary>
    public static SiteCollection Grid(double spacing)
    {
        var nx = (int)Math.Round((East - West) / spacing) + 1;
        var ny = (int)Math.Round((North - South) / spacing) + 1;
        var lon = new double[nx * ny];
        var lat = new double[nx * ny];
        for (var j = 0; j < ny; j++)
            for (var i = 0; i < nx; i++)
            {
                lon[j * nx + i] = Math.Round(West + i * spacing, 6);
                lat[j * nx + i] = Math.Round(South + j * spacing, 6);
            }
        var vs30 = new double[lon.Length];
        Array.Fill(vs30, 760.0);
        return new SiteCollection(lon, lat, vs30, source: $"bench grid {spacing}°");
    }

    private static double[] Logscale(double a, double b, int n) =>
        Enumerable.Range(0, n).Select(i => Math.Exp(Math.Log(a) + (Math.Log(b) - Math.Log(a)) * i / (n - 1))).ToArray();

    /// <summary>The demo job with the benchmark's grid, IMTs and catalogue length.</summary>
    public static JobConfig Job(double spacing, int years)
    {
        var job = JobIniReader.Read(NepalDemo.JobPath());
        var sites = Grid(spacing);
        return job with
        {
            Sites = sites,
            SiteDepths = new double[sites.Count],
            SesPerLogicTreePath = years / (int)job.InvestigationTime,
            Imtls =
            [
                new ImtLevels(Imt.Pga, Logscale(0.005, 3.0, 40)),
                new ImtLevels(Imt.Sa(0.3), Logscale(0.005, 5.0, 40)),
                new ImtLevels(Imt.Sa(1.0), Logscale(0.005, 3.0, 40)),
            ],
        };
    }

    /// <summary>Grid sites nearest Kathmandu, Pokhara and Biratnagar for the classical comparison.</summary>
    public static int[] ComparisonSites(SiteCollection sites)
    {
        (double Lon, double Lat)[] places = [(85.32, 27.70), (83.99, 28.21), (87.28, 26.46)];
        return places.Select(p => Enumerable.Range(0, sites.Count)
            .MinBy(i => (sites.Lon[i] - p.Lon) * (sites.Lon[i] - p.Lon) + (sites.Lat[i] - p.Lat) * (sites.Lat[i] - p.Lat))).ToArray();
    }

    public static void Run(TextWriter o, int years, double spacing, int threads, int eventsPerSweep, bool classical, string? correlation = null)
    {
        var inv = CultureInfo.InvariantCulture;
        var total = Stopwatch.StartNew();
        var job = Job(spacing, years);
        if (correlation is not null) job = CorrelationModelSetting.Override(job, correlation);
        var model = NrmlSourceModelReader.Read(job.SourceModelPath);
        var tRead = total.Elapsed;

        var sw = Stopwatch.StartNew();
        var plan = EventBasedPlan.Prepare(job, model, new EventBasedOptions { EventsPerSweep = eventsPerSweep, MaxDegreeOfParallelism = threads });
        var tPlan = sw.Elapsed;
        sw.Restart();
        var tile = EventBasedTile.Create(plan, Enumerable.Range(0, job.Sites.Count).ToArray());
        var tTile = sw.Elapsed;
        sw.Restart();
        var proc0 = Process.GetCurrentProcess();
        var cpu0 = proc0.TotalProcessorTime;
        var user0 = proc0.UserProcessorTime;
        var (gc0, pause0, alloc0) = (GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var counts = EventBasedCalculator.Run(plan, tile, threads);
        var tSim = sw.Elapsed;
        var proc1 = Process.GetCurrentProcess();
        var simCpu = proc1.TotalProcessorTime - cpu0;
        var simUser = proc1.UserProcessorTime - user0;
        var (gc1, pause1, alloc1) = (GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        sw.Restart();
        var curves = EventBasedCurves.FromCounts(plan, counts.Counts);
        var tCurves = sw.Elapsed;
        var wall = total.Elapsed;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        var n = job.Sites.Count;
        var allSiteEvents = plan.EventCount * n;
        var p = tile.Profile;
        o.WriteLine(string.Create(inv, $"Nepal event-based benchmark: {n:N0} sites ({spacing}° grid), {job.Imtls.Count} IMTs, {years:N0} years, {job.GroundMotionCorrelationModel} (m = 30), {threads} threads, {eventsPerSweep} events per sweep"));
        o.WriteLine(string.Create(inv, $"occurring ruptures {plan.RuptureCount:N0} (of {plan.GeneratedRuptureCount:N0} generated), events {plan.EventCount:N0}"));
        o.WriteLine(string.Create(inv, $"site-events within maximum_distance {counts.SiteEvents:N0} ({(double)counts.SiteEvents / plan.EventCount:N0} sites per event); all sites × events {allSiteEvents:N0}"));
        o.WriteLine();
        o.WriteLine("| stage | wall s |");
        o.WriteLine("|---|---|");
        o.WriteLine(string.Create(inv, $"| read job + source model | {tRead.TotalSeconds:F2} |"));
        o.WriteLine(string.Create(inv, $"| plan: ruptures, occurrences, Vecchia ordering + factors | {tPlan.TotalSeconds:F2} |"));
        o.WriteLine(string.Create(inv, $"| tile (closure) | {tTile.TotalSeconds:F2} |"));
        o.WriteLine(string.Create(inv, $"| simulate (distances, GMM, fields, counting) | {tSim.TotalSeconds:F2} (process CPU {simCpu.TotalSeconds:F2} s) |"));
        o.WriteLine(string.Create(inv, $"| curves | {tCurves.TotalSeconds:F2} |"));
        o.WriteLine(string.Create(inv, $"| total | {wall.TotalSeconds:F2} |"));
        o.WriteLine();
        o.WriteLine(string.Create(inv, $"peak working set {peak / 1048576.0:N0} MiB"));
        o.WriteLine(string.Create(inv, $"site-events/s (within maximum_distance): simulate {counts.SiteEvents / tSim.TotalSeconds / 1e6:F1} M/s, end to end {counts.SiteEvents / wall.TotalSeconds / 1e6:F1} M/s"));
        o.WriteLine(string.Create(inv, $"site-events/s (all sites × events): simulate {allSiteEvents / tSim.TotalSeconds / 1e6:F1} M/s, end to end {allSiteEvents / wall.TotalSeconds / 1e6:F1} M/s"));
        o.WriteLine(string.Create(inv, $"per CPU second of simulate: {counts.SiteEvents / simCpu.TotalSeconds / 1e6:F1} M site-events within maximum_distance ({2 * counts.SiteEvents / simCpu.TotalSeconds / 1e6:F1} M/s on 2 fully available cores)"));
        var cpu = p.Distances + p.Gmm + p.Fields + p.Counting;
        o.WriteLine(string.Create(inv, $"simulate CPU breakdown (s, summed over threads): distances {p.Distances.TotalSeconds:F2}, GMM {p.Gmm.TotalSeconds:F2}, fields {p.Fields.TotalSeconds:F2}, counting {p.Counting.TotalSeconds:F2} (sum {cpu.TotalSeconds:F2}); field values {p.FieldValues:N0} = {(double)p.FieldValues / Math.Max(1, counts.SiteEvents * job.Imtls.Count):F2} per site-event-IMT"));
        o.WriteLine(string.Create(inv, $"simulate CPU beyond the breakdown: rest of the tile calls {(p.Calls - cpu).TotalSeconds:F2} s (Stopwatch; sorting, seeds, draining, count arrays); tile calls' thread CPU {(TileProfile.ThreadCpuAvailable ? p.ThreadCpu.TotalSeconds.ToString("F2", inv) : "n/a")} s of {p.Calls.TotalSeconds:F2} s Stopwatch (counting {(TileProfile.ThreadCpuAvailable ? p.CountingCpu.TotalSeconds.ToString("F2", inv) : "n/a")} s); process CPU {simCpu.TotalSeconds:F2} s (user {simUser.TotalSeconds:F2}, system {(simCpu - simUser).TotalSeconds:F2}); GC {gc1 - gc0} collections, {(pause1 - pause0).TotalSeconds:F2} s paused, {(alloc1 - alloc0) / 1048576.0:N0} MiB allocated"));

        // The halo depends only on the Vecchia structure; a posterior plan would compute every draw's closure rows per tile.
        if (plan.Correlated && plan.Posterior is null)
        {
            o.WriteLine();
            o.WriteLine("Tile halo (dependency closure in the global Vecchia order) for square tiles of the grid:");
            o.WriteLine("| tile side | tiles | sites per tile (mean) | closure per tile (mean) | redundancy (closure / sites) |");
            o.WriteLine("|---|---|---|---|---|");
            foreach (var side in new[] { 0.5, 1.0, 2.0, 4.0 })
            {
                var tiles = job.Sites.Lon.Select((lon, i) => (Key: ((int)Math.Floor((lon - West) / side + 1e-9), (int)Math.Floor((job.Sites.Lat[i] - South) / side + 1e-9)), Site: i))
                    .GroupBy(t => t.Key).Select(g => g.Select(t => t.Site).ToArray()).ToArray();
                long sites = 0, closure = 0;
                foreach (var tileSites in tiles)
                {
                    var tt = EventBasedTile.Create(plan, tileSites);
                    sites += tileSites.Length;
                    closure += tt.ClosureSize;
                }
                o.WriteLine(string.Create(inv, $"| {side}° | {tiles.Length} | {(double)sites / tiles.Length:F0} | {(double)closure / tiles.Length:F0} | {(double)closure / sites:F2} |"));
            }
        }

        if (!classical) return;
        sw.Restart();
        var idx = ComparisonSites(job.Sites);
        var sub = new SiteCollection(idx.Select(i => job.Sites.Lon[i]).ToArray(), idx.Select(i => job.Sites.Lat[i]).ToArray(), idx.Select(i => job.Sites.Vs30[i]).ToArray());
        var cjob = job with { Sites = sub, SiteDepths = new double[3], Mode = CalculationMode.Classical };
        var cl = ClassicalCalculator.Run(cjob, model, maxDegreeOfParallelism: threads);
        o.WriteLine();
        o.WriteLine(string.Create(inv, $"classical at 3 sites: {sw.Elapsed.TotalSeconds:F1} s. Annual rates λ at levels with classical PoE(50 yr) > 1e-3; z = (λ_EB − λ_classical) / SE, SE = sqrt(λ_classical·T)/T, T = {years:N0} years"));
        o.WriteLine("| site | IMT | levels | worst z | mean z | PoE 10%/50yr level: classical g | event-based g |");
        o.WriteLine("|---|---|---|---|---|---|---|");
        var t = job.InvestigationTime;
        for (var s = 0; s < 3; s++)
            for (var k = 0; k < job.Imtls.Count; k++)
            {
                var c = cl.Curve(k, s);
                var e = curves.Curve(k, idx[s]);
                double worst = 0, sum = 0;
                var used = 0;
                for (var l = 0; l < c.Length; l++)
                {
                    if (!(c[l] > 1e-3)) continue;
                    var rc = -Math.Log(1 - c[l]) / t;
                    var re = -Math.Log(1 - e[l]) / t;
                    var z = (re - rc) / (Math.Sqrt(rc * years) / years);
                    if (Math.Abs(z) > Math.Abs(worst)) worst = z;
                    sum += z;
                    used++;
                }
                var levels = job.Imtls[k].Levels;
                o.WriteLine(string.Create(inv,
                    $"| {sub.Lon[s]:F2} {sub.Lat[s]:F2} | {job.Imtls[k].Imt} | {used} | {worst:F2} | {(used > 0 ? sum / used : 0):F2} | {HazardMaps.ImlAtPoe(levels, c, 0.1):F4} | {HazardMaps.ImlAtPoe(levels, e, 0.1):F4} |"));
            }
    }
}
