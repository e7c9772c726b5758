using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Gmm.Benchmarks;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Tests.Gmm;

/// <summary>The benchmark's fixed inputs are what the issue specifies, and its timed path computes what the public path computes.</summary>
public sealed class GmmThroughputBenchmarkTests
{
    [Fact]
    public void Rupture_is_the_specified_square_WC1994_strike_slip_plane()
    {
        var rupture = GmmThroughputBenchmark.BenchmarkRupture();
        var plane = Assert.IsType<PlanarSurface>(rupture.Surface);
        // WC1994 strike-slip: A = 10^(-3.42 + 0.90 * 6.5) = 10^2.43 = 269.153 km², aspect 1 → side sqrt(A) = 16.406 km.
        var side = Math.Sqrt(Math.Pow(10, -3.42 + 0.90 * 6.5));
        Assert.Equal(side, plane.Length, 6);
        Assert.Equal(side, plane.Width, 6);
        Assert.Equal(90.0, plane.Dip, 9);
        Assert.Equal(0.0, plane.Strike % 360.0, 6);
        // Vertical plane centred on the 10 km hypocentre: top at 10 - side/2.
        Assert.Equal(10.0 - side / 2, plane.ZTor, 6);
    }

    [Fact]
    public void Grid_spans_200_km_and_cycles_Vs30()
    {
        var sites = GmmThroughputBenchmark.Grid(10_000); // 100 × 100
        Assert.Equal(200.0, Geodesy.DistanceKm(sites.Lon[0], sites.Lat[0], sites.Lon[99], sites.Lat[99]), 1);
        Assert.Equal(200.0, Geodesy.DistanceKm(sites.Lon[0], sites.Lat[0], sites.Lon[9900], sites.Lat[9900]), 1);
        for (var i = 0; i < 20; i++) Assert.Equal(180.0 + 100.0 * (i % 9), sites.Vs30[i]);
    }

    [Fact]
    public void Timed_path_matches_ScenarioGroundMotion()
    {
        const int n = 2_500;
        var timed = GmmThroughputBenchmark.Run(n, repeats: 1);
        var reference = ScenarioGroundMotion.Evaluate(GmmFactory.Create("BooreEtAl2014"),
            GmmThroughputBenchmark.BenchmarkRupture(), GmmThroughputBenchmark.Grid(n), [Imt.Pga, Imt.Sa(1.0)]);
        double checksum = 0;
        for (var k = 0; k < 2; k++)
            for (var i = 0; i < n; i++) checksum += reference.LnMedian[k][i] + reference.Sigma[k][i];
        Assert.Equal(checksum, timed.Checksum, 9);
        Assert.True(timed.GmmSeconds > 0 && timed.DistanceSeconds >= 0);
    }
}
