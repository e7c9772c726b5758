using System.Runtime.Intrinsics.X86;
using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Tests.Hazard;

/// <summary>
/// The counting kernel (<see cref="HistogramCounting"/>) against the direct definition: each (site, event) adds one to the
/// site's histogram at the number of levels that ln y = (μ + τ·η) + φ·ε exceeds, ε read at the site's field row and the
/// event's lane, when that number is above 0 (bin 0 is not counted). Checked for the SIMD path (AVX-512 machines) and the
/// scalar path on random inputs that include values exactly at levels and one ulp either side, at the lookup table's cell
/// edges, below the first and above the last level, ±∞ and NaN, with τ per site, one τ for all sites and without τ, with
/// event counts from 1 to 5 and site counts that are not multiples of 8 or span several chunks; for tabled (logscale),
/// uneven (binary search) and single levels.
/// </summary>
public class HistogramCountingTests
{
    private const int Width = 12;
    private const int FieldRows = 700;
    private const int HistogramSites = 2_000;

    private static double[] Logscale(double a, double b, int n) =>
        Enumerable.Range(0, n).Select(i => Math.Log(Math.Exp(Math.Log(a) + (Math.Log(b) - Math.Log(a)) * i / (n - 1)))).ToArray();

    public static TheoryData<string> LevelSets => new() { "logscale", "uneven", "single" };

    private static double[] Levels(string kind) => kind switch
    {
        "logscale" => Logscale(0.005, 3.0, 40),
        "uneven" => new[] { 0.001, 0.0010000001, 0.01, 0.5, 0.50001, 2.0 }.Select(v => Math.Log(v)).ToArray(),
        _ => [Math.Log(0.1)],
    };

    /// <summary>Values of μ that make ln y land on the interesting places when τ·η + φ·ε is zero.</summary>
    private static List<double> SpecialValues(double[] lnl, LevelBins bins)
    {
        var v = new List<double> { double.NegativeInfinity, double.PositiveInfinity, double.NaN, -50, 50, lnl[0] - 1e-300, 0.0, -0.0 };
        foreach (var l in lnl) v.AddRange([l, Math.BitDecrement(l), Math.BitIncrement(l)]);
        if (bins.Table is { } table)
            for (var c = 0; c < table.Length; c++)
            {
                var edge = bins.Lo + c * bins.CellWidth;
                v.AddRange([edge, Math.BitDecrement(edge), Math.BitIncrement(edge)]);
            }
        return v;
    }

    [Theory]
    [MemberData(nameof(LevelSets))]
    public unsafe void Count_EqualsTheDirectDefinition(string levelSet)
    {
        var lnl = Levels(levelSet);
        var bins = new LevelBins(lnl);
        Assert.Equal(levelSet == "logscale" && Avx512F.VL.IsSupported && Avx2.IsSupported, HistogramCounting.Vectorised(bins));
        var special = SpecialValues(lnl, bins);
        var g = new Xoshiro256StarStar(11);
        var y = new double[FieldRows * Width];
        for (var i = 0; i < y.Length; i++) y[i] = g.NextStandardNormal();
        foreach (var tauMode in new[] { "site", "rupture", "none" })
        foreach (var sites in new[] { 1, 7, 8, 9, 333, 1_000, HistogramCounting.ChunkSites + 3 })
        for (var events = 1; events <= 5; events++)
        {
            // Distinct histogram rows, random field rows (repeats allowed, as for sites sharing a row through the closure).
            var site = Enumerable.Range(0, HistogramSites).OrderBy(_ => g.NextUInt64()).Take(sites).ToArray();
            var row = Enumerable.Range(0, sites).Select(_ => g.NextInt(FieldRows)).ToArray();
            var mu = new double[sites];
            var tau = new double[sites];
            var phi = new double[sites];
            for (var j = 0; j < sites; j++)
            {
                if (g.NextDouble() < 0.3)
                {
                    // Exactly a special value: τ·η + φ·ε = +0 or −0 adds nothing.
                    mu[j] = special[g.NextInt(special.Count)];
                    tau[j] = 0;
                    phi[j] = g.NextDouble() < 0.5 ? 0.0 : -0.0;
                }
                else
                {
                    mu[j] = -6 + 8 * g.NextDouble();
                    tau[j] = 0.3 + 0.3 * g.NextDouble();
                    phi[j] = 0.4 + 0.4 * g.NextDouble();
                }
            }
            var eta = Enumerable.Range(0, events).Select(_ => 3 * g.NextStandardNormal()).ToArray();
            var lane0 = g.NextInt(Width - events + 1);
            var tauRupture = 0.2 + 0.5 * g.NextDouble();

            var expected = new ushort[HistogramSites * bins.Bins];
            for (var j = 0; j < sites; j++)
                for (var q = 0; q < events; q++)
                {
                    var t = tauMode switch { "site" => tau[j], "rupture" => tauRupture, _ => 0.0 };
                    var v = mu[j] + t * eta[q] + phi[j] * y[row[j] * Width + lane0 + q];
                    var exceeded = lnl.Count(l => v > l);
                    if (exceeded > 0) expected[site[j] * bins.Bins + exceeded]++;
                }

            var simd = new ushort[expected.Length];
            var scalar = new ushort[expected.Length];
            var buffer = new int[HistogramCounting.BufferLength(events)];
            fixed (ushort* ph = simd, ps = scalar)
            fixed (int* psite = site, prow = row, pbuf = buffer)
            fixed (double* pmu = mu, ptau = tau, pphi = phi, py = y, peta = eta)
            {
                var tp = tauMode == "site" ? ptau : null;
                var tr = tauMode == "rupture" ? tauRupture : 0.0;
                HistogramCounting.Count(bins, ph, psite, prow, pmu, tp, tr, pphi, sites, py + lane0, Width, peta, events, pbuf);
                HistogramCounting.CountScalar(bins, ps, psite, prow, pmu, tp, tr, pphi, 0, sites, py + lane0, Width, peta, events);
            }
            Assert.Equal(expected, simd);
            Assert.Equal(expected, scalar);
            Assert.Equal(0, expected.Where((_, i) => i % bins.Bins == 0).Sum(c => c)); // bin 0 is never counted
        }
    }

    [Fact]
    public void AddExceedanceCounts_OfShortHistograms_CountsTheEventsAboveEachLevel()
    {
        var bins = new LevelBins(Logscale(0.01, 1.0, 5));
        // Two sites, bins 0..5: site 0 has 65,535 events in bin 5 (the 16-bit maximum), site 1 one event per bin.
        var hist = new ushort[2 * bins.Bins];
        hist[5] = ushort.MaxValue;
        for (var b = 0; b < bins.Bins; b++) hist[bins.Bins + b] = 1;
        var counts = new long[2 * bins.Levels];
        counts[0] = 7; // added to, not overwritten
        bins.AddExceedanceCounts(hist, counts);
        Assert.Equal([7 + 65_535, 65_535, 65_535, 65_535, 65_535, 5, 4, 3, 2, 1], counts);
    }
}
