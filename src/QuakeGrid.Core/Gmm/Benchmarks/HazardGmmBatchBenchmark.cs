using System.Diagnostics;
using System.Globalization;
using System.Text;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Gmm.Benchmarks;

/// <summary>
/// The GMM step of an event-based tile on one thread (not a test): BSSA14 ln median, tau and phi of PGA, SA(0.3) and
/// SA(1.0) for <c>ruptures</c> ruptures (M 5-8, random rake) each at <c>sitesPerRupture</c> random sites of a
/// <c>sites</c>-site tile (Rjb uniform 0-200 km; outputs of 16 successive ruptures side by side in an arena, as in a sweep), evaluated (a) as <c>EventBasedTile.AddSegment</c> did before the hazard
/// batch — copy the context columns into an arena and call <see cref="IGroundMotionModel.Compute"/> per IMT — and
/// (b) with <see cref="Bssa14SiteBatch"/> at 8 and (c) 4 lanes. Variants alternate within each repeat; the fastest repeat
/// of each is reported, with a check that all three give the same bits.
/// </summary>
public static class HazardGmmBatchBenchmark
{
    /// <summary>Ruptures whose outputs share one arena before it is reused (a sweep of 32 events holds ~20 ruptures).</summary>
    private const int Arena = 16;

    /// <summary>Runs the benchmark with Vs30 = 760 m/s at every site (<paramref name="rock"/>) or 180 + 100·(i mod 9) m/s.</summary>
    public static string Run(bool rock, int sites = 20_000, int ruptures = 200, int sitesPerRupture = 4_000, int repeats = 5)
    {
        var rng = new System.Random(4);
        var vs30 = new double[sites];
        var z1 = new double[sites];
        for (var i = 0; i < sites; i++) { vs30[i] = rock ? 760.0 : 180.0 + 100.0 * (i % 9); z1[i] = double.NaN; }
        var mags = new double[ruptures];
        var rakes = new double[ruptures];
        var index = new int[ruptures][];
        var rjb = new double[ruptures][];
        var rrup = new double[ruptures][];
        for (var r = 0; r < ruptures; r++)
        {
            mags[r] = 5 + 3 * rng.NextDouble();
            rakes[r] = -180 + 360 * rng.NextDouble();
            index[r] = new int[sitesPerRupture];
            rjb[r] = new double[sitesPerRupture];
            rrup[r] = new double[sitesPerRupture];
            for (var j = 0; j < sitesPerRupture; j++)
            {
                index[r][j] = rng.Next(sites);
                rjb[r][j] = 200 * rng.NextDouble();
                rrup[r][j] = Math.Sqrt(rjb[r][j] * rjb[r][j] + 100);
            }
            Array.Sort(index[r]); // a tile's selection comes out in grid-cell order: nearby sites together
        }
        Imt[] imts = [Imt.Pga, Imt.Sa(0.3), Imt.Sa(1.0)];
        var gmm = new BooreEtAl2014();
        var wide = Vector512Accelerated ? gmm.CreateSiteBatch(imts, vs30, true) : null;
        var narrow = gmm.CreateSiteBatch(imts, vs30, false)!;
        var n = sitesPerRupture;
        var outputs = new double[3][][][]; // [variant][what][imt][record]
        for (var v = 0; v < 3; v++)
        {
            outputs[v] = new double[4][][];
            for (var w = 0; w < 4; w++) { outputs[v][w] = new double[imts.Length][]; for (var k = 0; k < imts.Length; k++) outputs[v][w][k] = new double[Arena * n]; }
        }
        double[] aMag = new double[Arena * n], aRake = new double[Arena * n], aRjb = new double[Arena * n], aRrup = new double[Arena * n],
            aVs30 = new double[Arena * n], aZ1 = new double[Arena * n];
        var tauRupture = new double[imts.Length];
        var verifying = true;
        void Evaluate(int v, int r)
        {
            var o = outputs[v];
            var off = r % Arena * n; // successive ruptures fill an arena, as the ruptures of one sweep do in a tile
            if (v == 0)
            {
                for (var j = 0; j < n; j++)
                {
                    var s = index[r][j];
                    aRjb[off + j] = rjb[r][j]; aRrup[off + j] = rrup[r][j]; aVs30[off + j] = vs30[s]; aZ1[off + j] = z1[s];
                }
                aMag.AsSpan(off, n).Fill(mags[r]);
                aRake.AsSpan(off, n).Fill(rakes[r]);
                var ctx = new GmmContext(aMag.AsSpan(off, n), aRake.AsSpan(off, n), aRjb.AsSpan(off, n), aRrup.AsSpan(off, n),
                    aVs30.AsSpan(off, n), aZ1.AsSpan(off, n));
                for (var k = 0; k < imts.Length; k++)
                    gmm.Compute(ctx, imts[k], new GmmOutput(o[0][k].AsSpan(off, n), o[1][k].AsSpan(off, n), o[2][k].AsSpan(off, n), o[3][k].AsSpan(off, n)));
            }
            else
            {
                (v == 1 ? wide! : narrow).Evaluate(mags[r], rakes[r], index[r], rjb[r], rrup[r], o[0], tauRupture, o[2], off);
                // The batch gives tau once per rupture; spread per record only to compare with Compute.
                if (verifying) for (var k = 0; k < imts.Length; k++) o[1][k].AsSpan(off, n).Fill(tauRupture[k]);
            }
        }


        // Verification (also the JIT warm-up): every rupture through every path, ln median / tau / phi compared bit for bit.
        var identical = true;
        for (var r = 0; r < ruptures; r++)
            for (var v = 0; v < 3; v++)
            {
                if (v == 1 && wide is null) continue;
                Evaluate(v, r);
                if (v > 0) identical &= Same(outputs[0], outputs[v], imts.Length, r % Arena * n, n);
            }
        verifying = false;
        var best = new[] { double.MaxValue, double.MaxValue, double.MaxValue };
        for (var rep = 0; rep < repeats; rep++)
            for (var v = 0; v < 3; v++)
            {
                if (v == 1 && wide is null) continue;
                var sw = Stopwatch.StartNew();
                for (var r = 0; r < ruptures; r++) Evaluate(v, r);
                best[v] = Math.Min(best[v], sw.Elapsed.TotalSeconds);
            }
        var records = (double)ruptures * n;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(inv, $"BSSA14 hazard GMM step, 1 thread: {ruptures} ruptures x {n:N0} sites of {sites:N0} (Vs30 {(rock ? "760" : "180-980")}), PGA + SA(0.3) + SA(1.0); best of {repeats}"));
        sb.AppendLine("| path | s | ns per site-rupture (3 IMTs) | speed-up |");
        sb.AppendLine("|---|---|---|---|");
        sb.AppendLine(string.Create(inv, $"| arena copy + Compute per IMT (before) | {best[0]:F3} | {best[0] / records * 1e9:F1} | 1.00 |"));
        if (wide is not null) sb.AppendLine(string.Create(inv, $"| Bssa14SiteBatch, Vector512 | {best[1]:F3} | {best[1] / records * 1e9:F1} | {best[0] / best[1]:F2} |"));
        sb.AppendLine(string.Create(inv, $"| Bssa14SiteBatch, Vector256 | {best[2]:F3} | {best[2] / records * 1e9:F1} | {best[0] / best[2]:F2} |"));
        sb.AppendLine(identical ? "ln median, tau, phi bit-identical across the three paths for every record." : "MISMATCH: the paths differ.");
        return sb.ToString();
    }

    private static bool Vector512Accelerated => System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated;

    private static bool Same(double[][][] reference, double[][][] o, int imts, int off, int n)
    {
        for (var w = 0; w < 3; w++)
            for (var k = 0; k < imts; k++)
                for (var j = off; j < off + n; j++)
                    if (BitConverter.DoubleToInt64Bits(reference[w][k][j]) != BitConverter.DoubleToInt64Bits(o[w][k][j])) return false;
        return true;
    }
}
