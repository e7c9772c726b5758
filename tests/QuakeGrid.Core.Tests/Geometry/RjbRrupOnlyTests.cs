using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Tests.Geometry;

/// <summary>
/// <see cref="IRuptureSurface.ComputeRjbRrup"/> must give, bit for bit, the Rjb and Rrup of
/// <see cref="IRuptureSurface.ComputeDistances"/> (which the other geometry tests check against references): SIMD blocks of
/// four, blocks taking the scalar path (sites beyond the projection's series range) and the ragged remainder.
/// </summary>
public class RjbRrupOnlyTests
{
    /// <summary>103 sites (not a multiple of 4): a spiral from 0 to ≈ 3,000 km around (20.1°E, 38.1°N), so some blocks of
    /// four lie beyond 0.25 rad of the surface (scalar kernel) and some straddle that limit.</summary>
    private static (double[] Lon, double[] Lat) Sites()
    {
        const int n = 103;
        var lon = new double[n];
        var lat = new double[n];
        for (var i = 0; i < n; i++)
        {
            var r = 0.27 * i * i / n;   // degrees, up to ≈ 27°
            var a = 2.39996 * i;       // golden-angle azimuths
            lon[i] = 20.1 + r * Math.Cos(a);
            lat[i] = 38.1 + 0.5 * r * Math.Sin(a);
        }
        return (lon, lat);
    }

    public static TheoryData<string> Surfaces => new() { "planar", "multi" };

    private static IRuptureSurface Surface(string kind) => kind == "planar"
        ? PlanarSurface.FromTrace(new GeoPoint(20, 38), new GeoPoint(20.3, 38.2), 60, 3, 15)
        : new MultiPlanarSurface([
            PlanarSurface.FromTrace(new GeoPoint(20, 38), new GeoPoint(20.15, 38.12), 50, 2, 14),
            PlanarSurface.FromTrace(new GeoPoint(20.15, 38.12), new GeoPoint(20.3, 38.2), 70, 2, 14)]);

    [Theory]
    [MemberData(nameof(Surfaces))]
    public void RjbAndRrupEqualTheFullComputationBitForBit(string kind)
    {
        var surface = Surface(kind);
        var (lon, lat) = Sites();
        var full = new DistanceSet(lon.Length);
        surface.ComputeDistances(lon, lat, full);
        var rjb = new double[lon.Length];
        var rrup = new double[lon.Length];
        surface.ComputeRjbRrup(lon, lat, rjb, rrup);
        for (var i = 0; i < lon.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(full.Rjb[i]), BitConverter.DoubleToInt64Bits(rjb[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(full.Rrup[i]), BitConverter.DoubleToInt64Bits(rrup[i]));
        }
        // The spiral reaches both near-field and far sites (the test covers more than one regime).
        Assert.Contains(rjb, r => r < 30.0);
        Assert.Contains(rjb, r => r > 1500.0);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public void SubsetsGiveTheSameDistancesAsTheWholeArray(string kind)
    {
        var surface = Surface(kind);
        var (lon, lat) = Sites();
        var rjb = new double[lon.Length];
        var rrup = new double[lon.Length];
        surface.ComputeRjbRrup(lon, lat, rjb, rrup);
        // Blocks of four aligned as in the whole array: the same values from a shorter call.
        var part = new double[8];
        var partRup = new double[8];
        surface.ComputeRjbRrup(lon.AsSpan(40, 8), lat.AsSpan(40, 8), part, partRup);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(rjb[40 + i]), BitConverter.DoubleToInt64Bits(part[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(rrup[40 + i]), BitConverter.DoubleToInt64Bits(partRup[i]));
        }
    }

    [Fact]
    public void MismatchedLengthsAreRejected()
    {
        var surface = Surface("planar");
        var (lon, lat) = Sites();
        Assert.Throws<ArgumentException>(() => surface.ComputeRjbRrup(lon, lat, new double[lon.Length - 1], new double[lon.Length]));
    }
}
