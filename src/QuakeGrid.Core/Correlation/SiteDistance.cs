using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    /// <summary>
    /// Great-circle distances (km) from the unit vector (<paramref name="x"/>, <paramref name="y"/>, <paramref name="z"/>)
    /// to the gathered unit vectors <paramref name="gx"/>/<paramref name="gy"/>/<paramref name="gz"/>[0..n), n = length of
    /// <paramref name="into"/>: the SIMD form of <see cref="ChordToArc"/> (same chord arithmetic; asin by its Taylor series
    /// through x¹³ where every lane has |c|/2 &lt; 0.05, i.e. h &lt; 637 km, truncation below 1e−20 relative; otherwise
    /// <see cref="Math.Asin"/> lane by lane). Agrees with <see cref="ChordToArc"/> to a few ulp.
    /// </summary>
    public static void ArcsFrom(double x, double y, double z, ReadOnlySpan<double> gx, ReadOnlySpan<double> gy, ReadOnlySpan<double> gz, Span<double> into)
    {
        var n = into.Length;
        if (gx.Length < n || gy.Length < n || gz.Length < n) throw new ArgumentException("gathered coordinates shorter than the output span");
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var rx = ref MemoryMarshal.GetReference(gx);
            ref var ry = ref MemoryMarshal.GetReference(gy);
            ref var rz = ref MemoryMarshal.GetReference(gz);
            ref var ro = ref MemoryMarshal.GetReference(into);
            var vx = Vector256.Create(x);
            var vy = Vector256.Create(y);
            var vz = Vector256.Create(z);
            var half = Vector256.Create(0.5);
            var limit = Vector256.Create(0.05);
            var twoR = Vector256.Create(2.0 * Geodesy.EarthRadiusKm);
            for (; k + 4 <= n; k += 4)
            {
                var dx = vx - Vector256.LoadUnsafe(ref rx, (nuint)k);
                var dy = vy - Vector256.LoadUnsafe(ref ry, (nuint)k);
                var dz = vz - Vector256.LoadUnsafe(ref rz, (nuint)k);
                var s = half * Vector256.Sqrt(dx * dx + dy * dy + dz * dz);
                Vector256<double> a;
                if (Vector256.LessThanAll(s, limit))
                {
                    a = AsinSmall(s);
                }
                else
                {
                    a = Vector256.Create(
                        Math.Asin(Math.Min(1.0, s.GetElement(0))), Math.Asin(Math.Min(1.0, s.GetElement(1))),
                        Math.Asin(Math.Min(1.0, s.GetElement(2))), Math.Asin(Math.Min(1.0, s.GetElement(3))));
                }
                (twoR * a).StoreUnsafe(ref ro, (nuint)k);
            }
        }
        for (; k < n; k++) into[k] = ChordToArc(x - gx[k], y - gy[k], z - gz[k]);
    }

    /// <summary>
    /// Planar distances (km) from (<paramref name="x"/>, <paramref name="y"/>) to the gathered points
    /// <paramref name="gx"/>/<paramref name="gy"/>[0..n), n = length of <paramref name="into"/>: SIMD, the same arithmetic
    /// as <see cref="Row"/> for <see cref="DistanceMetric.Planar"/> (bitwise equal).
    /// </summary>
    public static void PlanarFrom(double x, double y, ReadOnlySpan<double> gx, ReadOnlySpan<double> gy, Span<double> into)
    {
        var n = into.Length;
        if (gx.Length < n || gy.Length < n) throw new ArgumentException("gathered coordinates shorter than the output span");
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var rx = ref MemoryMarshal.GetReference(gx);
            ref var ry = ref MemoryMarshal.GetReference(gy);
            ref var ro = ref MemoryMarshal.GetReference(into);
            var vx = Vector256.Create(x);
            var vy = Vector256.Create(y);
            for (; k + 4 <= n; k += 4)
            {
                var dx = vx - Vector256.LoadUnsafe(ref rx, (nuint)k);
                var dy = vy - Vector256.LoadUnsafe(ref ry, (nuint)k);
                Vector256.Sqrt(dx * dx + dy * dy).StoreUnsafe(ref ro, (nuint)k);
            }
        }
        for (; k < n; k++)
        {
            var dx = x - gx[k];
            var dy = y - gy[k];
            into[k] = Math.Sqrt(dx * dx + dy * dy);
        }
    }

    // asin(s) = s + s³/6 + 3s⁵/40 + 5s⁷/112 + 35s⁹/1152 + 63s¹¹/2816 + 231s¹³/13312 + …, for 0 ≤ s < 0.05.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> AsinSmall(Vector256<double> s)
    {
        var s2 = s * s;
        var p = Vector256.Create(231.0 / 13312.0);
        p = p * s2 + Vector256.Create(63.0 / 2816.0);
        p = p * s2 + Vector256.Create(35.0 / 1152.0);
        p = p * s2 + Vector256.Create(5.0 / 112.0);
        p = p * s2 + Vector256.Create(3.0 / 40.0);
        p = p * s2 + Vector256.Create(1.0 / 6.0);
        return s + s * s2 * p;
    }
}
