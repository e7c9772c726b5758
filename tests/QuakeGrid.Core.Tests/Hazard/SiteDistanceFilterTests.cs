using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Hazard;

namespace QuakeGrid.Core.Tests.Hazard;

/// <summary>
/// <see cref="SiteDistanceFilter"/> against a plain reference: Rjb and Rrup of every site from the four-lane surface loop in one
/// call (and <see cref="SiteDepthDistances"/> for site depths), kept where Rrup ≤ the maximum distance, in the order of the grid's
/// cells (grid overload) or of the site index (range overload). Bit for bit, over random planar and multi-planar ruptures, site
/// counts that leave every remainder modulo 8, sites at depth, and a maximum distance reaching beyond the projection's series range.
/// </summary>
public class SiteDistanceFilterTests
{
    private static IRuptureSurface RandomSurface(System.Random rng, double lon, double lat, bool planarOnly)
    {
        PlanarSurface Plane(double lo, double la)
        {
            var (lon1, lat1) = Geodesy.PointAt(lo, la, rng.NextDouble() * 360, 3 + rng.NextDouble() * 60);
            var upper = rng.NextDouble() * 5;
            return PlanarSurface.FromTrace(new GeoPoint(lo, la), new GeoPoint(lon1, lat1), 25 + rng.NextDouble() * 65, upper, upper + 4 + rng.NextDouble() * 15);
        }
        if (planarOnly || rng.Next(3) > 0) return Plane(lon, lat);
        var a = Plane(lon, lat);
        var b = Plane(a.TopRight.Lon, a.TopRight.Lat);
        return new MultiPlanarSurface([a, b]);
    }

    private static void Reference(IRuptureSurface surface, double[] lon, double[] lat, double[]? depth, double[] rjb, double[] rrup)
    {
        if (surface is PlanarSurface p) p.ComputeRjbRrup(lon, lat, rjb, rrup, 4);
        else ((MultiPlanarSurface)surface).ComputeRjbRrup(lon, lat, rjb, rrup, 4);
        if (depth is not null) SiteDepthDistances.AdjustRrup(surface, lon, lat, depth, rrup);
    }

    private static void AssertSame(List<(int Index, double Rjb, double Rrup)> expected, int m, int[] index, double[] rjb, double[] rrup)
    {
        Assert.Equal(expected.Count, m);
        for (var j = 0; j < m; j++)
        {
            Assert.Equal(expected[j].Index, index[j]);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[j].Rjb), BitConverter.DoubleToInt64Bits(rjb[j]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[j].Rrup), BitConverter.DoubleToInt64Bits(rrup[j]));
        }
    }

    [Theory]
    [InlineData(false, 200.0, 3.0)]
    [InlineData(true, 200.0, 3.0)]
    [InlineData(false, 2500.0, 24.0)]
    public void SelectsTheSitesAndDistancesOfThePlainReference(bool depths, double maxDistance, double halfSpan)
    {
        var rng = new System.Random(depths ? 4242 : 4343 + (int)maxDistance);
        long selected = 0, beyond = 0;
        for (var trial = 0; trial < 40; trial++)
        {
            var lon0 = 60 + rng.NextDouble() * 40;
            var lat0 = -30 + rng.NextDouble() * 60;
            var n = 1000 + rng.Next(2000);
            var lon = new double[n];
            var lat = new double[n];
            for (var i = 0; i < n; i++)
            {
                lon[i] = lon0 + (rng.NextDouble() * 2 - 1) * halfSpan;
                lat[i] = lat0 + (rng.NextDouble() * 2 - 1) * halfSpan * 0.6;
            }
            double[]? depth = null;
            if (depths)
            {
                depth = new double[n];
                for (var i = 0; i < n; i++) depth[i] = rng.Next(2) == 0 ? 0.0 : -2 + rng.NextDouble() * 6;
            }
            var hypoLon = lon0 + (rng.NextDouble() * 2 - 1) * halfSpan * 0.5;
            var hypoLat = lat0 + (rng.NextDouble() * 2 - 1) * halfSpan * 0.3;
            var surface = RandomSurface(rng, hypoLon, hypoLat, planarOnly: depths); // site depths: planar ruptures only
            var rupture = new Rupture(6.5, 0, new GeoPoint(hypoLon, hypoLat, 8), surface);

            var refRjb = new double[n];
            var refRrup = new double[n];
            Reference(surface, lon, lat, depth, refRjb, refRrup);
            for (var i = 0; i < n; i++) if (refRrup[i] > 1600) beyond++;

            var filter = new SiteDistanceFilter(n);
            var index = new int[n];
            var rjb = new double[n];
            var rrup = new double[n];

            // Grid overload: cell by cell.
            var grid = new SiteGridIndex(lon, lat);
            var ny = (int)Math.Floor((lat.Max() - lat.Min()) / grid.CellDegrees) + 1;
            var nx = (int)Math.Floor((lon.Max() - lon.Min()) / grid.CellDegrees) + 1;
            var expected = new List<(int, double, double)>();
            for (var cy = 0; cy < ny; cy++)
                for (var cx = 0; cx < nx; cx++)
                    foreach (var i in grid.Cell(cx, cy))
                        if (refRrup[i] <= maxDistance) expected.Add((i, refRjb[i], refRrup[i]));
            var m = filter.Select(rupture, lon, lat, depth, grid, maxDistance, index, rjb, rrup);
            AssertSame(expected, m, index, rjb, rrup);
            selected += m;

            // Range overload: sites start .. start + count − 1, indices relative to start.
            var start = rng.Next(n / 3);
            var count = rng.Next(n - start);
            expected.Clear();
            for (var i = start; i < start + count; i++)
                if (refRrup[i] <= maxDistance) expected.Add((i - start, refRjb[i], refRrup[i]));
            m = filter.Select(rupture, lon, lat, depth, start, count, maxDistance, index, rjb, rrup);
            AssertSame(expected, m, index, rjb, rrup);
        }
        Assert.True(selected > 10_000, $"{selected} sites selected");
        if (maxDistance > 1600) Assert.True(beyond > 1000, $"{beyond} sites beyond the series range");
    }

    [Fact]
    public void DepthsAllZeroGiveTheSeaLevelDistances()
    {
        var rng = new System.Random(77);
        var n = 1500;
        var lon = new double[n];
        var lat = new double[n];
        for (var i = 0; i < n; i++) { lon[i] = 85 + (rng.NextDouble() * 2 - 1) * 3; lat[i] = 28 + (rng.NextDouble() * 2 - 1) * 2; }
        var surface = PlanarSurface.FromTrace(new GeoPoint(85, 28), new GeoPoint(85.3, 28.1), 40, 2, 16);
        var rupture = new Rupture(6.8, 90, new GeoPoint(85.1, 28.05, 8), surface);
        var grid = new SiteGridIndex(lon, lat);
        var a = (new int[n], new double[n], new double[n]);
        var b = (new int[n], new double[n], new double[n]);
        var ma = new SiteDistanceFilter(n).Select(rupture, lon, lat, null, grid, 200, a.Item1, a.Item2, a.Item3);
        var mb = new SiteDistanceFilter(n).Select(rupture, lon, lat, new double[n], grid, 200, b.Item1, b.Item2, b.Item3);
        Assert.True(ma > 500);
        Assert.Equal(ma, mb);
        Assert.Equal(a.Item1.AsSpan(0, ma).ToArray(), b.Item1.AsSpan(0, mb).ToArray());
        Assert.Equal(a.Item2.AsSpan(0, ma).ToArray(), b.Item2.AsSpan(0, mb).ToArray());
        Assert.Equal(a.Item3.AsSpan(0, ma).ToArray(), b.Item3.AsSpan(0, mb).ToArray());
    }
}
