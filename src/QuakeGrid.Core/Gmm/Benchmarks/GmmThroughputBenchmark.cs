using System.Diagnostics;
using System.Globalization;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Sources.ScalingRelations;

namespace QuakeGrid.Core.Gmm.Benchmarks;

/// <summary>Best-of-repeats timing of one GMM throughput case (single thread). Seconds; sites per second.</summary>
public sealed record GmmThroughputResult(int Sites, double DistanceSeconds, double GmmSeconds, double Checksum)
{
    public double TotalSeconds => DistanceSeconds + GmmSeconds;
    public double SitesPerSecond => Sites / TotalSeconds;
    public double GmmOnlySitesPerSecond => Sites / GmmSeconds;

    public string ToMarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Sites:N0} | {DistanceSeconds * 1000:F1} | {GmmSeconds * 1000:F1} | {TotalSeconds * 1000:F1} | {SitesPerSecond / 1e6:F1} | {GmmOnlySitesPerSecond / 1e6:F1} |");

    public const string MarkdownHeader =
        "| sites | distances ms | GMM ms | total ms | M sites/s (distances + GMM) | M sites/s (GMM only) |\n|---|---|---|---|---|---|";
}

/// <summary>
/// The foundation issue's GMM throughput benchmark (not a test), on one thread: one M6.5 vertical strike-slip rupture
/// (hypocentre 10.0°E, 45.0°N, 10 km depth, strike 0, Wells &amp; Coppersmith 1994 area, aspect ratio 1, seismogenic
/// layer 0–30 km so the square rupture is not truncated), N sites on a square grid of fixed 200 km extent centred on the
/// epicentre, Vs30 = 180 + 100·(i mod 9) m/s. Each repeat computes Rjb/Rrup/Rx/Ry0 for all sites, then BSSA14 ln mean,
/// Tau, Phi and Sigma for PGA and SA(1.0). The best of the repeats is reported.
/// </summary>
public static class GmmThroughputBenchmark
{
    /// <summary>Builds the benchmark rupture.</summary>
    public static Rupture BenchmarkRupture()
    {
        var hypo = new GeoPoint(10.0, 45.0, 10.0);
        var surface = PlanarSurface.ForPointRupture(hypo, 6.5, 0.0, 0.0, 90.0, new WellsCoppersmith1994(), 1.0, 0.0, 30.0);
        return new Rupture(6.5, 0.0, hypo, surface);
    }

    /// <summary>Square grid of about <paramref name="n"/> sites (side ⌈√n⌉, truncated to n) spanning 200 km.</summary>
    public static SiteCollection Grid(int n)
    {
        var side = (int)Math.Ceiling(Math.Sqrt(n));
        var projection = new LocalProjection(10.0, 45.0);
        var lon = new double[n];
        var lat = new double[n];
        var vs30 = new double[n];
        var step = side > 1 ? 200.0 / (side - 1) : 0.0;
        for (var i = 0; i < n; i++)
        {
            var x = -100.0 + step * (i % side);
            var y = -100.0 + step * (i / side);
            (lon[i], lat[i]) = projection.Unproject(x, y);
            vs30[i] = 180.0 + 100.0 * (i % 9);
        }
        return new SiteCollection(lon, lat, vs30);
    }

    /// <summary>Runs the case for <paramref name="n"/> sites, <paramref name="repeats"/> times, and keeps the fastest.</summary>
    public static GmmThroughputResult Run(int n, int repeats = 5)
    {
        var rupture = BenchmarkRupture();
        var sites = Grid(n);
        var model = GmmFactory.Create("BooreEtAl2014");
        Imt[] imts = [Imt.Pga, Imt.Sa(1.0)];
        var distances = new DistanceSet(n);
        var mag = new double[n];
        var rake = new double[n];
        Array.Fill(mag, rupture.Magnitude);
        Array.Fill(rake, rupture.Rake);
        var result = new GmmResult(imts, n);
        double bestDistance = double.MaxValue, bestGmm = double.MaxValue;
        for (var r = 0; r < Math.Max(1, repeats); r++)
        {
            var sw = Stopwatch.StartNew();
            rupture.Surface.ComputeDistances(sites.Lon, sites.Lat, distances);
            var tDistance = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var ctx = new GmmContext(mag, rake, distances.Rjb, distances.Rrup, sites.Vs30, sites.Z1pt0);
            for (var k = 0; k < imts.Length; k++) model.Compute(ctx, imts[k], result.Output(k));
            var tGmm = sw.Elapsed.TotalSeconds;
            bestDistance = Math.Min(bestDistance, tDistance);
            bestGmm = Math.Min(bestGmm, tGmm);
        }
        double checksum = 0;
        for (var k = 0; k < imts.Length; k++)
            for (var i = 0; i < n; i++) checksum += result.LnMedian[k][i] + result.Sigma[k][i];
        return new GmmThroughputResult(n, bestDistance, bestGmm, checksum);
    }
}
