using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QuakeGrid.Core.Geometry;

/// <summary>
/// The surface-specific part of a distance pass: from a site's azimuthal-equidistant (x, y) and Cartesian (cx, cy, cz) position
/// (km, see <see cref="LocalProjection"/>) the squared Rjb and Rrup, and the strike-normal T (= Rx) and along-strike U coordinates
/// (km) whose U ∈ [0, <see cref="AlongStrikeLength"/>] spans the top edge.
/// </summary>
internal interface ISiteDistanceKernel
{
    /// <summary>Length of the top edge along U, km (Ry0 is the distance of U beyond [0, length]).</summary>
    double AlongStrikeLength { get; }

    /// <summary>Scalar kernel.</summary>
    void Distances(double x, double y, double cx, double cy, double cz, out double rjb2, out double rrup2, out double t, out double u);

    /// <summary>Four-lane kernel.</summary>
    void Distances(Vector256<double> x, Vector256<double> y, Vector256<double> cx, Vector256<double> cy, Vector256<double> cz,
        out Vector256<double> rjb2, out Vector256<double> rrup2, out Vector256<double> t, out Vector256<double> u);

    /// <summary>Scalar kernel for the squared Rjb and Rrup only: the same operations as <see cref="Distances(double, double, double, double, double, out double, out double, out double, out double)"/> for them.</summary>
    void RjbRrup(double x, double y, double cx, double cy, double cz, out double rjb2, out double rrup2);

    /// <summary>Four-lane kernel for the squared Rjb and Rrup only (same operations as the full four-lane kernel for them).</summary>
    void RjbRrup(Vector256<double> x, Vector256<double> y, Vector256<double> cx, Vector256<double> cy, Vector256<double> cz,
        out Vector256<double> rjb2, out Vector256<double> rrup2);

    /// <summary>Eight-lane kernel for the squared Rjb and Rrup only: per lane exactly the operations of the four-lane one.</summary>
    void RjbRrup(Vector512<double> x, Vector512<double> y, Vector512<double> cx, Vector512<double> cy, Vector512<double> cz,
        out Vector512<double> rjb2, out Vector512<double> rrup2);
}

/// <summary>
/// The site loop shared by <see cref="PlanarSurface"/> and <see cref="MultiPlanarSurface"/>: projects the sites, calls the surface's
/// <see cref="ISiteDistanceKernel"/> (a struct, so the JIT specialises the loop per surface type) and writes Rjb, Rrup, Rx = T and
/// Ry0 = max(−U, U − length, 0). Four sites per step with <see cref="Vector256"/> (eight with <see cref="Vector512"/> for Rjb and
/// Rrup only, same bits); a block of four with a site outside the projection's series range, and the remainder, use the scalar
/// kernel. No allocation.
/// </summary>
internal static class SiteDistanceLoop
{
    /// <summary>Fills <paramref name="into"/> for the sites.</summary>
    public static void Run<TKernel>(LocalProjection p, in TKernel kernel, ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, DistanceSet into)
        where TKernel : struct, ISiteDistanceKernel
    {
        ArgumentNullException.ThrowIfNull(into);
        var n = lon.Length;
        if (lat.Length != n || into.Count != n) throw new ArgumentException("lon, lat and the distance set must have the same length");
        var rjb = into.Rjb.AsSpan();
        var rrup = into.Rrup.AsSpan();
        var rx = into.Rx.AsSpan();
        var ry0 = into.Ry0.AsSpan();
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var rlon = ref MemoryMarshal.GetReference(lon);
            ref var rlat = ref MemoryMarshal.GetReference(lat);
            var vlen = Vector256.Create(kernel.AlongStrikeLength);
            var zero = Vector256<double>.Zero;
            for (; i <= n - 4; i += 4)
            {
                if (!p.Site(Vector256.LoadUnsafe(ref rlon, (nuint)i), Vector256.LoadUnsafe(ref rlat, (nuint)i),
                        out var x, out var y, out var cx, out var cy, out var cz))
                {
                    for (var j = i; j < i + 4; j++) Scalar(p, kernel, j, lon, lat, rjb, rrup, rx, ry0);
                    continue;
                }
                kernel.Distances(x, y, cx, cy, cz, out var jb2, out var rup2, out var t, out var u);
                Vector256.Sqrt(jb2).StoreUnsafe(ref rjb[0], (nuint)i);
                Vector256.Sqrt(rup2).StoreUnsafe(ref rrup[0], (nuint)i);
                t.StoreUnsafe(ref rx[0], (nuint)i);
                Vector256.Max(Vector256.Max(-u, u - vlen), zero).StoreUnsafe(ref ry0[0], (nuint)i);
            }
        }
        for (; i < n; i++) Scalar(p, kernel, i, lon, lat, rjb, rrup, rx, ry0);
    }

    /// <summary>
    /// As <see cref="Run"/> for Rjb and Rrup only (no Rx/Ry0: the strike coordinates are not formed): the same projection,
    /// kernel operations, SIMD/scalar choice per block of four and square roots, so the values are bit-identical to
    /// <see cref="Run"/>'s. Eight sites per step with <see cref="Vector512"/> where it is hardware-accelerated (per lane the
    /// same IEEE operations as the four-lane kernel; a block of eight with a site outside the projection's series range is
    /// redone as two blocks of four, each as the four-lane loop treats it), so the values never depend on the path taken.
    /// </summary>
    public static void RunRjbRrup<TKernel>(LocalProjection p, in TKernel kernel, ReadOnlySpan<double> lon, ReadOnlySpan<double> lat,
        Span<double> rjb, Span<double> rrup)
        where TKernel : struct, ISiteDistanceKernel
        => RunRjbRrup(p, kernel, lon, lat, rjb, rrup, MaxLanes);

    /// <summary>The widest SIMD step <see cref="RunRjbRrup{TKernel}(LocalProjection, in TKernel, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{double})"/> uses on this machine: 8, 4 or 1 (scalar).</summary>
    internal static int MaxLanes => Vector512.IsHardwareAccelerated ? 8 : Vector256.IsHardwareAccelerated ? 4 : 1;

    /// <summary>
    /// <see cref="RunRjbRrup{TKernel}(LocalProjection, in TKernel, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{double})"/>
    /// with SIMD steps of at most <paramref name="lanes"/> sites (8, 4 or 1; fewer where the hardware lacks them), for tests.
    /// Widths 8 and 4 give the same bits by construction (same per-lane operations, same blocks of four on the scalar kernel);
    /// width 1 (the scalar kernel for every site) is the reference the tests hold them to.
    /// </summary>
    internal static void RunRjbRrup<TKernel>(LocalProjection p, in TKernel kernel, ReadOnlySpan<double> lon, ReadOnlySpan<double> lat,
        Span<double> rjb, Span<double> rrup, int lanes)
        where TKernel : struct, ISiteDistanceKernel
    {
        var n = lon.Length;
        if (lat.Length != n || rjb.Length != n || rrup.Length != n) throw new ArgumentException("lon, lat, rjb and rrup must have the same length");
        var i = 0;
        if (lanes >= 4 && Vector256.IsHardwareAccelerated)
        {
            ref var rlon = ref MemoryMarshal.GetReference(lon);
            ref var rlat = ref MemoryMarshal.GetReference(lat);
            ref var rjb0 = ref MemoryMarshal.GetReference(rjb);
            ref var rrup0 = ref MemoryMarshal.GetReference(rrup);
            if (lanes >= 8 && Vector512.IsHardwareAccelerated)
            {
                for (; i <= n - 8; i += 8)
                {
                    var inRange = p.Site(Vector512.LoadUnsafe(ref rlon, (nuint)i), Vector512.LoadUnsafe(ref rlat, (nuint)i),
                        out var x, out var y, out var cx, out var cy, out var cz);
                    if (inRange != 0xFF)
                    {
                        TwoBlocks4(p, kernel, i, lon, lat, rjb, rrup);
                        continue;
                    }
                    kernel.RjbRrup(x, y, cx, cy, cz, out var jb2, out var rup2);
                    Vector512.Sqrt(jb2).StoreUnsafe(ref rjb0, (nuint)i);
                    Vector512.Sqrt(rup2).StoreUnsafe(ref rrup0, (nuint)i);
                }
            }
            for (; i <= n - 4; i += 4) Block4(p, kernel, i, lon, lat, rjb, rrup);
        }
        for (; i < n; i++) ScalarRjbRrup(p, kernel, i, lon, lat, rjb, rrup);
    }

    /// <summary>Sites <paramref name="i"/> .. <paramref name="i"/> + 7 exactly as the four-lane loop treats them (the eight-lane
    /// loop's rare path, kept out of line).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void TwoBlocks4<TKernel>(LocalProjection p, in TKernel kernel, int i, ReadOnlySpan<double> lon, ReadOnlySpan<double> lat,
        Span<double> rjb, Span<double> rrup)
        where TKernel : struct, ISiteDistanceKernel
    {
        Block4(p, kernel, i, lon, lat, rjb, rrup);
        Block4(p, kernel, i + 4, lon, lat, rjb, rrup);
    }

    /// <summary>Sites <paramref name="i"/> .. <paramref name="i"/> + 3 with the four-lane kernel, or the scalar one when any of
    /// them is outside the projection's series range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4<TKernel>(LocalProjection p, in TKernel kernel, int i, ReadOnlySpan<double> lon, ReadOnlySpan<double> lat,
        Span<double> rjb, Span<double> rrup)
        where TKernel : struct, ISiteDistanceKernel
    {
        if (!p.Site(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(lon), (nuint)i), Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(lat), (nuint)i),
                out var x, out var y, out var cx, out var cy, out var cz))
        {
            for (var j = i; j < i + 4; j++) ScalarRjbRrup(p, kernel, j, lon, lat, rjb, rrup);
            return;
        }
        kernel.RjbRrup(x, y, cx, cy, cz, out var jb2, out var rup2);
        Vector256.Sqrt(jb2).StoreUnsafe(ref MemoryMarshal.GetReference(rjb), (nuint)i);
        Vector256.Sqrt(rup2).StoreUnsafe(ref MemoryMarshal.GetReference(rrup), (nuint)i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ScalarRjbRrup<TKernel>(LocalProjection p, in TKernel kernel, int i, ReadOnlySpan<double> lon, ReadOnlySpan<double> lat,
        Span<double> rjb, Span<double> rrup)
        where TKernel : struct, ISiteDistanceKernel
    {
        p.Site(lon[i], lat[i], out var x, out var y, out var cx, out var cy, out var cz);
        kernel.RjbRrup(x, y, cx, cy, cz, out var jb2, out var rup2);
        rjb[i] = Math.Sqrt(jb2);
        rrup[i] = Math.Sqrt(rup2);
    }

    /// <summary>The scalar path for every site (reference for tests).</summary>
    public static void RunScalar<TKernel>(LocalProjection p, in TKernel kernel, ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, DistanceSet into)
        where TKernel : struct, ISiteDistanceKernel
    {
        for (var i = 0; i < lon.Length; i++) Scalar(p, kernel, i, lon, lat, into.Rjb, into.Rrup, into.Rx, into.Ry0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scalar<TKernel>(LocalProjection p, in TKernel kernel, int i, ReadOnlySpan<double> lon, ReadOnlySpan<double> lat,
        Span<double> rjb, Span<double> rrup, Span<double> rx, Span<double> ry0)
        where TKernel : struct, ISiteDistanceKernel
    {
        p.Site(lon[i], lat[i], out var x, out var y, out var cx, out var cy, out var cz);
        kernel.Distances(x, y, cx, cy, cz, out var jb2, out var rup2, out var t, out var u);
        rjb[i] = Math.Sqrt(jb2);
        rrup[i] = Math.Sqrt(rup2);
        rx[i] = t;
        var len = kernel.AlongStrikeLength;
        ry0[i] = u < 0 ? -u : (u > len ? u - len : 0.0);
    }
}
