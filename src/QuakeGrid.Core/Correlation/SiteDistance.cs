using System.Runtime.CompilerServices;
using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Correlation;

/// <summary>Separation distances between sites of <see cref="CorrelationSites"/>, km.</summary>
public static class SiteDistance
{
    /// <summary>Distance between site <paramref name="i"/> of <paramref name="a"/> and site <paramref name="j"/> of <paramref name="b"/>, km.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Between(DistanceMetric metric, CorrelationSites a, int i, CorrelationSites b, int j)
    {
        if (metric == DistanceMetric.Planar)
        {
            var dx = a.X[i] - b.X[j];
            var dy = a.Y[i] - b.Y[j];
            return Math.Sqrt(dx * dx + dy * dy);
        }
        var (ax, ay, az) = a.UnitVectors;
        var (bx, by, bz) = b.UnitVectors;
        return ChordToArc(ax[i] - bx[j], ay[i] - by[j], az[i] - bz[j]);
    }

    /// <summary>Distances from site <paramref name="i"/> of <paramref name="a"/> to sites <paramref name="js"/> of <paramref name="b"/>, km.</summary>
    public static void Row(DistanceMetric metric, CorrelationSites a, int i, CorrelationSites b, ReadOnlySpan<int> js, Span<double> into)
    {
        if (into.Length < js.Length) throw new ArgumentException("output span shorter than index span", nameof(into));
        if (metric == DistanceMetric.Planar)
        {
            double xi = a.X[i], yi = a.Y[i];
            var bxs = b.X;
            var bys = b.Y;
            for (var k = 0; k < js.Length; k++)
            {
                var j = js[k];
                var dx = xi - bxs[j];
                var dy = yi - bys[j];
                into[k] = Math.Sqrt(dx * dx + dy * dy);
            }
            return;
        }
        var (ax, ay, az) = a.UnitVectors;
        var (bx, by, bz) = b.UnitVectors;
        double x = ax[i], y = ay[i], z = az[i];
        for (var k = 0; k < js.Length; k++)
        {
            var j = js[k];
            into[k] = ChordToArc(x - bx[j], y - by[j], z - bz[j]);
        }
    }

    /// <summary>Great-circle distance (km) from the chord vector between two unit vectors: 2·R·asin(|c|/2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ChordToArc(double cx, double cy, double cz)
    {
        var half = 0.5 * Math.Sqrt(cx * cx + cy * cy + cz * cz);
        return 2.0 * Geodesy.EarthRadiusKm * Math.Asin(Math.Min(1.0, half));
    }
}
