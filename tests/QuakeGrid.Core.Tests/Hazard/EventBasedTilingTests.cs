using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Sites;
using Xunit.Abstractions;

namespace QuakeGrid.Core.Tests.Hazard;

/// <summary>
/// The tiling invariant of the event-based API: for any partition of the sites into tiles and of the occurring ruptures
/// into batches (and any sweep width), the summed exceedance counts are bit-identical to one tile with all sites and one
/// batch; and the correlated within-event field is continuous across tile boundaries (two sites 2 km apart in different
/// tiles show the JB2009 correlation exp(−3h/b)).
/// </summary>
public class EventBasedTilingTests(ITestOutputHelper output)
{
    private const int Columns = 24;
    private const int Rows = 24;

    /// <summary>
    /// PEER Set 1 fault 1 (M6.0 floating ruptures, BSSA14, JB2009) on a 24 × 24 grid of 0.02° (about 1.8 × 2.2 km) around
    /// the fault, 100,000 years, maximum distance 12 km so that each rupture reaches only part of the grid.
    /// </summary>
    private static JobConfig Job(bool correlated = true)
    {
        var job = JobIniReader.Read(HazardTestData.Data("peer", "fault1_bssa14_jb2009", "job.ini"));
        var n = Columns * Rows;
        var lon = new double[n];
        var lat = new double[n];
        for (var j = 0; j < Rows; j++)
            for (var i = 0; i < Columns; i++)
            {
                lon[j * Columns + i] = -122.24 + 0.02 * i;
                lat[j * Columns + i] = 37.86 + 0.02 * j;
            }
        var vs30 = Enumerable.Range(0, n).Select(s => 300.0 + 40 * (s % 11)).ToArray();
        return job with
        {
            Sites = new SiteCollection(lon, lat, vs30),
            SiteDepths = new double[n],
            SesPerLogicTreePath = 100_000,
            MaximumDistance = 12.0,
            GroundMotionCorrelationModel = correlated ? job.GroundMotionCorrelationModel : null,
        };
    }

    /// <summary>Sums tile × batch counts into all-site arrays.</summary>
    private static (long[][][] Counts, long SiteEvents) Tiled(EventBasedPlan plan, IEnumerable<int[]> tiles, int[] batchEdges)
    {
        var all = new long[plan.BranchCount][][];
        for (var b = 0; b < all.Length; b++)
            all[b] = plan.Imtls.Select(l => new long[plan.SiteCount * l.Levels.Length]).ToArray();
        long siteEvents = 0;
        foreach (var sites in tiles)
        {
            var tile = EventBasedTile.Create(plan, sites);
            for (var t = 0; t + 1 < batchEdges.Length; t++)
            {
                var c = tile.Simulate(batchEdges[t], batchEdges[t + 1] - batchEdges[t]);
                siteEvents += c.SiteEvents;
                for (var b = 0; b < all.Length; b++)
                for (var k = 0; k < plan.Imtls.Count; k++)
                {
                    var nl = plan.Imtls[k].Levels.Length;
                    for (var i = 0; i < sites.Length; i++)
                        for (var l = 0; l < nl; l++) all[b][k][sites[i] * nl + l] += c.Counts[b][k][i * nl + l];
                }
            }
        }
        return (all, siteEvents);
    }

    private static int[][] GridTiles(int perSide)
    {
        var tiles = new List<int>[perSide * perSide];
        for (var t = 0; t < tiles.Length; t++) tiles[t] = [];
        for (var j = 0; j < Rows; j++)
            for (var i = 0; i < Columns; i++)
                tiles[j * perSide / Rows * perSide + i * perSide / Columns].Add(j * Columns + i);
        return tiles.Select(t => t.ToArray()).ToArray();
    }

    private static int[][] IrregularTiles()
    {
        // Scattered tiles (site hash mod 5), a one-site tile and an L-shaped tile: the worst cases for the halo.
        var n = Columns * Rows;
        var tiles = new List<List<int>> { new() { 301 }, new(), new(), new(), new(), new(), new() };
        for (var s = 0; s < n; s++)
        {
            if (s == 301) continue;
            int i = s % Columns, j = s / Columns;
            if (i < 5 || j < 4) tiles[1].Add(s);
            else tiles[2 + (int)((uint)(s * 2654435761u) % 5)].Add(s);
        }
        return tiles.Where(t => t.Count > 0).Select(t => t.ToArray()).ToArray();
    }

    private static void AssertSame(long[][][] expected, long[][][] actual, string label)
    {
        for (var b = 0; b < expected.Length; b++)
            for (var k = 0; k < expected[b].Length; k++)
                Assert.True(expected[b][k].AsSpan().SequenceEqual(actual[b][k]), $"{label}: counts differ (branch {b}, IMT {k})");
    }

    [Fact]
    public void SimulateInto_AndTheParallelRun_EqualOneCall()
    {
        var plan = EventBasedPlan.Prepare(Job());
        var n = plan.RuptureCount;
        var tile = EventBasedTile.Create(plan, Enumerable.Range(0, plan.SiteCount).ToArray());
        var whole = tile.Simulate(0, n);
        var first = tile.Simulate(0, n / 3);
        var firstEvents = first.Events;
        var summed = tile.SimulateInto(first, n / 3, n - n / 3);
        Assert.Same(first.Counts, summed.Counts);
        AssertSame(whole.Counts, summed.Counts, "two batches into one accumulator");
        Assert.Equal(whole.SiteEvents, summed.SiteEvents);
        Assert.Equal(whole.Events, summed.Events);
        Assert.True(firstEvents > 0 && firstEvents < whole.Events);
        foreach (var threads in new[] { 1, 3 })
        {
            var run = EventBasedCalculator.Run(plan, tile, threads);
            AssertSame(whole.Counts, run.Counts, $"{threads} threads");
            Assert.Equal(whole.SiteEvents, run.SiteEvents);
            Assert.Equal(whole.Events, run.Events);
        }
        var smaller = EventBasedTile.Create(plan, [0, 1, 2]);
        Assert.Throws<ArgumentException>(() => smaller.SimulateInto(whole, 0, 1));
    }

    [Fact]
    public void ParallelRanges_IntoOneSetOfArrays_EqualOneCall()
    {
        var plan = EventBasedPlan.Prepare(Job());
        var n = plan.RuptureCount;
        var tile = EventBasedTile.Create(plan, Enumerable.Range(0, plan.SiteCount).ToArray());
        var whole = tile.Simulate(0, n);
        foreach (var threads in new[] { 1, 2, 3 })
        {
            // Three uneven ranges (one empty) added in turn into the same arrays, each range run on `threads` workers.
            var into = tile.EmptyCounts();
            var arrays = into.Counts;
            foreach (var (first, count) in new[] { (0, n / 5), (n / 5, 0), (n / 5, n - n / 5) })
                into = EventBasedCalculator.SimulateInto(plan, tile, into, first, count, threads);
            Assert.Same(arrays, into.Counts);
            AssertSame(whole.Counts, into.Counts, $"ranges on {threads} threads");
            Assert.Equal(whole.SiteEvents, into.SiteEvents);
            Assert.Equal(whole.Events, into.Events);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => EventBasedCalculator.SimulateInto(plan, tile, tile.EmptyCounts(), n - 1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => EventBasedCalculator.SimulateInto(plan, tile, tile.EmptyCounts(), -1, 1));
        Assert.Throws<ArgumentException>(() => EventBasedCalculator.SimulateInto(plan, tile, EventBasedTile.Create(plan, [0, 1]).EmptyCounts(), 0, 1));
        var other = EventBasedPlan.Prepare(Job());
        Assert.Throws<ArgumentException>(() => EventBasedCalculator.SimulateInto(other, tile, tile.EmptyCounts(), 0, 1));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Counts_AreBitIdentical_ForAnyTilingAndBatching(bool correlated)
    {
        var job = Job(correlated);
        var plan = EventBasedPlan.Prepare(job);
        Assert.Equal(correlated, plan.Correlated);
        var n = plan.RuptureCount;
        var everything = new[] { Enumerable.Range(0, job.Sites.Count).ToArray() };
        var reference = Tiled(plan, everything, [0, n]);
        var total = reference.Counts.SelectMany(b => b).SelectMany(c => c).Sum();
        output.WriteLine($"{plan.EventCount} events, {n} occurring ruptures, {reference.SiteEvents} site-events, {total} exceedances");
        Assert.True(plan.EventCount > 500);
        Assert.True(reference.SiteEvents < plan.EventCount * job.Sites.Count); // the distance cut is active
        Assert.True(total > 10_000);

        AssertSame(reference.Counts, Tiled(plan, GridTiles(2), [0, n]).Counts, "4 tiles");
        AssertSame(reference.Counts, Tiled(plan, GridTiles(3), [0, n / 3, n / 2, n]).Counts, "9 tiles, 3 batches");
        var irregular = Tiled(plan, IrregularTiles(), [0, 1, 2, n / 5, n - 1, n]);
        AssertSame(reference.Counts, irregular.Counts, "irregular tiles, uneven batches");
        Assert.Equal(reference.SiteEvents, irregular.SiteEvents);

        // The sweep width changes only the packing of events into SIMD sweeps.
        var narrow = EventBasedPlan.Prepare(job, options: new EventBasedOptions { EventsPerSweep = 5 });
        AssertSame(reference.Counts, Tiled(narrow, GridTiles(2), [0, n / 2, n]).Counts, "sweep width 8");

        // The calculator (one tile, parallel batches) gives the same curves.
        var sampler = correlated ? VecchiaFieldSampler.ForJob(job) : null;
        var run = EventBasedCalculator.Run(job, fieldSampler: sampler, maxDegreeOfParallelism: 3);
        var curves = EventBasedCurves.FromCounts(plan, reference.Counts);
        for (var k = 0; k < job.Imtls.Count; k++) Assert.Equal(curves.Poes[k], run.Curves.Poes[k]);
        Assert.Equal(reference.SiteEvents, run.SiteEvents);
    }

    [Fact]
    public void Plan_IsDeterministic_AndTilesReportTheirHalo()
    {
        var job = Job();
        var a = EventBasedPlan.Prepare(job);
        var b = EventBasedPlan.Prepare(job);
        Assert.Equal(a.Events, b.Events);
        Assert.Equal(a.EventCount, a.Events.Sum(e => (long)e.Occurrences));
        var whole = EventBasedTile.Create(a, Enumerable.Range(0, job.Sites.Count).ToArray());
        Assert.Equal(job.Sites.Count, whole.ClosureSize);
        foreach (var perSide in new[] { 2, 3 })
        {
            var tile = EventBasedTile.Create(a, GridTiles(perSide)[0]);
            output.WriteLine($"corner tile of a {perSide} x {perSide} tiling: {tile.SiteIndices.Count} sites, closure {tile.ClosureSize} (redundancy {tile.Redundancy:F2})");
            // A corner tile conditions on sites outside it (halo), but not on the whole grid.
            Assert.InRange(tile.ClosureSize, tile.SiteIndices.Count + 1, job.Sites.Count - 1);
        }
        Assert.Throws<ArgumentException>(() => EventBasedTile.Create(a, [3, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => EventBasedTile.Create(a, [job.Sites.Count]));
        Assert.Throws<ArgumentOutOfRangeException>(() => whole.Simulate(a.RuptureCount, 1));
    }

    [Theory]
    [InlineData("PGA")]
    [InlineData("SA(1.0)")]
    public void WithinEventField_AcrossATileBoundary_HasTheJb2009Correlation(string imtName)
    {
        // Two tiles split between grid columns 11 and 12; sites (11, 12) and (12, 12) are about 1.8 km apart, one in each.
        var job = Job();
        var plan = EventBasedPlan.Prepare(job);
        var k = job.Imtls.Select(l => l.Imt).ToList().IndexOf(Imt.Parse(imtName));
        Assert.True(k >= 0);
        var left = Enumerable.Range(0, job.Sites.Count).Where(s => s % Columns < 12).ToArray();
        var right = Enumerable.Range(0, job.Sites.Count).Where(s => s % Columns >= 12).ToArray();
        int a = 12 * Columns + 11, b = 12 * Columns + 12;
        var tileA = EventBasedTile.Create(plan, left);
        var tileB = EventBasedTile.Create(plan, right);
        Assert.True(tileA.ClosureSize < job.Sites.Count && tileB.ClosureSize < job.Sites.Count); // genuinely partial sweeps
        var whole = EventBasedTile.Create(plan, Enumerable.Range(0, job.Sites.Count).ToArray());
        const int events = 20_000;
        var seeds = Enumerable.Range(0, events).Select(e => QuakeGrid.Core.Random.SeedDerivation.Derive(99, e, "event")).ToArray();
        var fa = new double[events];
        var fb = new double[events];
        var fw = new double[2 * events];
        tileA.WithinEventFields(k, seeds, [Array.IndexOf(left, a)], fa);
        tileB.WithinEventFields(k, seeds, [Array.IndexOf(right, b)], fb);
        whole.WithinEventFields(k, seeds, [a, b], fw);
        Assert.Equal(fw.AsSpan(0, events).ToArray(), fa); // the same field, whichever tile computes it
        Assert.Equal(fw.AsSpan(events, events).ToArray(), fb);

        double ma = fa.Average(), mb = fb.Average();
        double saa = 0, sbb = 0, sab = 0;
        for (var e = 0; e < events; e++)
        {
            saa += (fa[e] - ma) * (fa[e] - ma);
            sbb += (fb[e] - mb) * (fb[e] - mb);
            sab += (fa[e] - ma) * (fb[e] - mb);
        }
        var rho = sab / Math.Sqrt(saa * sbb);
        var h = Geodesy.DistanceKm(job.Sites.Lon[a], job.Sites.Lat[a], job.Sites.Lon[b], job.Sites.Lat[b]);
        var model = new JayaramBaker2009Correlation(job.Imtls[k].Imt, vs30Clustering: false).RhoOfDistance(h);
        output.WriteLine($"{imtName}: h = {h:F3} km, empirical rho = {rho:F4}, JB2009 = {model:F4}, variances {saa / events:F3} {sbb / events:F3}");
        Assert.InRange(h, 1.5, 2.5);
        Assert.True(Math.Abs(rho - model) < 0.02, $"empirical {rho:F4} vs model {model:F4}");
        Assert.InRange(saa / events, 0.96, 1.04);
        Assert.InRange(sbb / events, 0.96, 1.04);
    }
}
