using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Tests.Geometry;

/// <summary>
/// The eight-lane (<see cref="System.Runtime.Intrinsics.Vector512"/>) Rjb/Rrup loop must give, bit for bit, what the four-lane
/// loop gives, which the scalar loop must give too: random planar and multi-planar surfaces, random site counts (remainders of
/// 1 to 7 sites after the blocks of eight and four) and sites scattered beyond the projection's series range (0.25 rad), so
/// that blocks of eight with one or both halves of four on the scalar path occur.
/// </summary>
public class RjbRrupLaneWidthTests
{
    private static PlanarSurface RandomPlane(System.Random rng, double lon, double lat)
    {
        var strike = rng.NextDouble() * 360;
        var length = 2 + rng.NextDouble() * 60;
        var (lon1, lat1) = Geodesy.PointAt(lon, lat, strike, length);
        var upper = rng.NextDouble() * 5;
        return PlanarSurface.FromTrace(new GeoPoint(lon, lat), new GeoPoint(lon1, lat1), 20 + rng.NextDouble() * 70, upper, upper + 3 + rng.NextDouble() * 20);
    }

    private static IRuptureSurface RandomSurface(System.Random rng, bool multi)
    {
        var lon = -170 + rng.NextDouble() * 340;
        var lat = -60 + rng.NextDouble() * 120;
        if (!multi) return RandomPlane(rng, lon, lat);
        var planes = new List<PlanarSurface>();
        var count = 2 + rng.Next(3);
        for (var q = 0; q < count; q++)
        {
            var p = RandomPlane(rng, lon, lat);
            planes.Add(p);
            (lon, lat) = (p.TopRight.Lon, p.TopRight.Lat);
        }
        return new MultiPlanarSurface(planes);
    }

    /// <summary>Sites within ≈ 3° of the surface, a fraction <paramref name="far"/> of them 15° to 40° of longitude away (beyond the series range).</summary>
    private static (double[] Lon, double[] Lat, bool[] Far) RandomSites(System.Random rng, IRuptureSurface surface, int n, double far)
    {
        var lon = new double[n];
        var lat = new double[n];
        var isFar = new bool[n];
        var c = surface.TopEdge[0];
        for (var i = 0; i < n; i++)
        {
            isFar[i] = rng.NextDouble() < far;
            var (dl, dp) = isFar[i]
                ? ((rng.Next(2) * 2 - 1) * (15 + rng.NextDouble() * 25), (rng.NextDouble() * 2 - 1) * 10)
                : ((rng.NextDouble() * 2 - 1) * 3, (rng.NextDouble() * 2 - 1) * 3);
            lon[i] = c.Lon + dl;
            lat[i] = Math.Clamp(c.Lat + dp, -89, 89);
        }
        return (lon, lat, isFar);
    }

    private static void Compute(IRuptureSurface surface, double[] lon, double[] lat, double[] rjb, double[] rrup, int lanes)
    {
        if (surface is PlanarSurface p) p.ComputeRjbRrup(lon, lat, rjb, rrup, lanes);
        else ((MultiPlanarSurface)surface).ComputeRjbRrup(lon, lat, rjb, rrup, lanes);
    }

    [Theory]
    [InlineData(false, 0.0)]
    [InlineData(false, 0.08)]
    [InlineData(true, 0.0)]
    [InlineData(true, 0.08)]
    public void EightFourAndOneLaneGiveTheSameBits(bool multi, double far)
    {
        var rng = new System.Random(multi ? 8111 : 8222 + (int)(far * 100));
        long sites = 0, farBlocks = 0;
        for (var trial = 0; trial < 150; trial++)
        {
            var surface = RandomSurface(rng, multi);
            var n = 1 + rng.Next(400);
            var (lon, lat, isFar) = RandomSites(rng, surface, n, far);
            var r8 = (new double[n], new double[n]);
            var r4 = (new double[n], new double[n]);
            var r1 = (new double[n], new double[n]);
            Compute(surface, lon, lat, r8.Item1, r8.Item2, 8);
            Compute(surface, lon, lat, r4.Item1, r4.Item2, 4);
            Compute(surface, lon, lat, r1.Item1, r1.Item2, 1);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(r4.Item1[i]), BitConverter.DoubleToInt64Bits(r8.Item1[i]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(r4.Item2[i]), BitConverter.DoubleToInt64Bits(r8.Item2[i]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(r1.Item1[i]), BitConverter.DoubleToInt64Bits(r4.Item1[i]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(r1.Item2[i]), BitConverter.DoubleToInt64Bits(r4.Item2[i]));
            }
            sites += n;
            for (var b = 0; b + 4 <= n; b += 4)
                if (isFar.AsSpan(b, 4).Contains(true)) farBlocks++;
        }
        Assert.True(sites > 20_000);
        // With far sites, many blocks of four contain one (scalar path); without, none.
        if (far > 0) Assert.True(farBlocks > 1000, $"{farBlocks} blocks with a far site");
        else Assert.Equal(0, farBlocks);
    }
}
