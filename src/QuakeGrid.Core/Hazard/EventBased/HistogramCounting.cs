using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// The counting kernel of <see cref="EventBasedTile"/>: for one rupture's events (lanes) and its sites within
/// <c>maximum_distance</c>, ln y = μ + τ·η + φ·ε — evaluated as <c>(μ_j + τ_j·η_q) + φ_j·ε</c> in doubles, no fused
/// multiply-add — and one increment of the site's level histogram at <see cref="LevelBins.Bin"/>(ln y) when that bin is
/// above 0: bin 0 (no level exceeded) is never read by <see cref="LevelBins.AddExceedanceCounts{T}(ReadOnlySpan{T}, Span{long})"/>,
/// so it is not counted (about a quarter of the Nepal benchmark's values).
/// <para>
/// The field ε is read where the sweep wrote it (row-major: <c>y[fieldRow_j · width + lane]</c>), sites outer and events
/// inner, so a site's row is loaded once for all the rupture's events. With AVX-512 (and AVX2 gathers) eight sites are
/// binned at once: ln y and the table cell in SIMD; bin 0 where ln y ≤ the first level, the level count where it exceeds the
/// last, otherwise k = table[cell] and bin = k + (ln y &gt; level_k) once ln y is checked to lie in the cell as the table
/// was built (<c>Lo + cell · CellWidth ≤ ln y &lt; Lo + (cell + 1) · CellWidth</c>: the levels below the cell are then
/// below ln y and the next level above it, cells being narrower than half the smallest gap); a lane failing the check
/// (rounding at a cell edge) takes <see cref="LevelBins.Bin"/>. Every bin is thus the exact number of levels exceeded, so
/// the SIMD path and the scalar path (<see cref="CountScalar"/>, used without AVX-512 or without a table) give the same
/// histograms.
/// </para>
/// <para>
/// The SIMD path works in chunks of <see cref="ChunkSites"/> sites and two passes: the first bins the chunk's values and
/// appends the histogram offsets of those with bin &gt; 0 to a buffer (AVX-512 compress), prefetching the field rows of
/// the sites ahead; the second increments the histogram at those offsets, prefetching the exact histogram line of the
/// offset <see cref="IncrementPrefetch"/> entries ahead. The histogram rows of a site (41 bins × 2 B for 40 levels) span
/// two or three cache lines, and one increment touches one of them: prefetching that line only, when the bin is known,
/// halves the histogram lines fetched and decouples their misses from the binning arithmetic. Increments are scalar and in
/// turn, so repeated histogram rows are counted right; their order changes no integer count.
/// </para>
/// <para>
/// τ is per site (<c>tau</c> not null) or one value for all the sites (<c>tauRupture</c>, e.g. BSSA14's τ(M), or 0 for
/// GMMs with a total sigma only): τ·η_q is then formed once per event, the same IEEE product as per site.
/// </para>
/// </summary>
internal static unsafe class HistogramCounting
{
    /// <summary>Sites binned per chunk of the SIMD path (a chunk's offsets stay in the L1 cache).</summary>
    public const int ChunkSites = 512;

    /// <summary>Ints the SIMD path needs in its offset buffer for <paramref name="events"/> events per site.</summary>
    public static int BufferLength(int events) => ChunkSites * events + 8;

    /// <summary>Whether <see cref="Count"/> takes the SIMD path for <paramref name="bins"/>.</summary>
    public static bool Vectorised(LevelBins bins) => Avx512F.VL.IsSupported && Avx2.IsSupported && bins.Table is not null;

    /// <summary>
    /// Adds one count per (site j &lt; <paramref name="sites"/>, event q &lt; <paramref name="events"/>) with bin &gt; 0 to
    /// <c>hist[site[j] · Bins + bin]</c>, bin of ln y = (μ_j + τ_j·η_q) + φ_j·y[row[j] · width + q] (τ_j =
    /// <paramref name="tau"/>[j], or <paramref name="tauRupture"/> when <paramref name="tau"/> is null).
    /// <paramref name="y"/> points at the rupture's first lane (the events' lanes follow it). <paramref name="buffer"/>:
    /// at least <see cref="BufferLength"/>(<paramref name="events"/>) ints of scratch.
    /// </summary>
    public static void Count(LevelBins bins, ushort* hist, int* site, int* row, double* mu, double* tau, double tauRupture, double* phi,
        int sites, double* y, int width, double* eta, int events, int* buffer)
    {
        if (Vectorised(bins)) CountVector(bins, hist, site, row, mu, tau, tauRupture, phi, sites, y, width, eta, events, buffer);
        else CountScalar(bins, hist, site, row, mu, tau, tauRupture, phi, 0, sites, y, width, eta, events);
    }

    /// <summary>Sites [<paramref name="from"/>, <paramref name="to"/>) one value at a time through <see cref="LevelBins.Bin"/>.</summary>
    public static void CountScalar(LevelBins bins, ushort* hist, int* site, int* row, double* mu, double* tau, double tauRupture, double* phi,
        int from, int to, double* y, int width, double* eta, int events)
    {
        var nbin = bins.Bins;
        for (var j = from; j < to; j++)
        {
            var yj = y + (long)row[j] * width;
            var h = hist + (long)site[j] * nbin;
            var mj = mu[j];
            var tj = tau is null ? tauRupture : tau[j];
            var pj = phi[j];
            for (var q = 0; q < events; q++)
            {
                var bin = bins.Bin(mj + tj * eta[q] + pj * yj[q]);
                if (bin != 0) h[bin]++;
            }
        }
    }

    private static void CountVector(LevelBins bins, ushort* hist, int* site, int* row, double* mu, double* tau, double tauRupture, double* phi,
        int sites, double* y, int width, double* eta, int events, int* buffer)
    {
        var nbin = bins.Bins;
        var levels = bins.Levels;
        var table = bins.Table!;
        var lastCell = table.Length - 2; // cells are [0, table.Length - 1); table[cell + 1] exists
        var lo = Vector512.Create(bins.Lo);
        var inv = Vector512.Create(bins.InverseCellWidth);
        var cw = Vector512.Create(bins.CellWidth);
        var first = Vector512.Create(bins.Padded[0]);
        var last = Vector512.Create(bins.Padded[levels - 1]);
        var one = Vector512.Create(1.0);
        var zeroCell = Vector256<int>.Zero;
        var maxCell = Vector256.Create(lastCell);
        var top = Vector256.Create(levels);
        var vWidth = Vector256.Create(width);
        var vBins = Vector256.Create(nbin);
        var idx = stackalloc int[8];
        var tauEta = stackalloc double[events];
        if (tau is null) for (var q = 0; q < events; q++) tauEta[q] = tauRupture * eta[q];
        var n8 = sites & ~7;
        fixed (int* ptable = table)
        fixed (double* plevel = bins.Padded)
        {
            for (var c0 = 0; c0 < n8; c0 += ChunkSites)
            {
                var c1 = Math.Min(c0 + ChunkSites, n8);
                var n = 0;
                for (var j = c0; j < c1; j += 8)
                {
                    if (j + PrefetchDistance + 8 <= sites)
                        for (var i = j + PrefetchDistance; i < j + PrefetchDistance + 8; i++)
                            Sse.Prefetch0(y + (long)row[i] * width);
                    var m = Vector512.Load(mu + j);
                    var t = tau is null ? Vector512<double>.Zero : Vector512.Load(tau + j);
                    var p = Vector512.Load(phi + j);
                    var off = Avx2.MultiplyLow(Vector256.Load(row + j), vWidth);
                    var hrow = Avx2.MultiplyLow(Vector256.Load(site + j), vBins);
                    var offLo = off.GetLower();
                    var offHi = off.GetUpper();
                    for (var q = 0; q < events; q++)
                    {
                        var yq = y + q;
                        var eps = Vector512.Create(Avx2.GatherVector256(yq, offLo, 8), Avx2.GatherVector256(yq, offHi, 8));
                        var te = tau is null ? Vector512.Create(tauEta[q]) : t * Vector512.Create(eta[q]);
                        var v = (m + te) + p * eps;
                        var cell = Avx512F.ConvertToVector256Int32WithTruncation((v - lo) * inv);
                        cell = Vector256.Min(Vector256.Max(cell, zeroCell), maxCell);
                        var cellD = Avx512F.ConvertToVector512Double(cell);
                        var inCell = Vector512.LessThanOrEqual(lo + cellD * cw, v) & Vector512.LessThan(v, lo + (cellD + one) * cw);
                        var k = Avx2.GatherVector256(ptable, cell, 4);
                        var level = Vector512.Create(Avx2.GatherVector256(plevel, k.GetLower(), 8), Avx2.GatherVector256(plevel, k.GetUpper(), 8));
                        var above = Narrow(Vector512.GreaterThan(v, level));
                        var bin = k - above; // above is −1 where ln y > level_k
                        var below = Vector512.LessThanOrEqual(v, first) | ~Vector512.Equals(v, v); // ≤ first level, or NaN: bin 0
                        var beyond = Vector512.GreaterThan(v, last);
                        bin = Vector256.ConditionalSelect(Narrow(below), zeroCell, bin);
                        bin = Vector256.ConditionalSelect(Narrow(beyond), top, bin);
                        var scalar = ~(inCell | below | beyond).ExtractMostSignificantBits() & 0xFF;
                        if (scalar != 0)
                        {
                            bin.Store(idx);
                            while (scalar != 0)
                            {
                                var i = System.Numerics.BitOperations.TrailingZeroCount(scalar);
                                idx[i] = bins.Bin(v.GetElement(i));
                                scalar &= scalar - 1;
                            }
                            bin = Vector256.Load(idx);
                        }
                        var counted = ~Vector256.Equals(bin, zeroCell);
                        Avx512F.VL.Compress(zeroCell, counted, hrow + bin).Store(buffer + n);
                        n += System.Numerics.BitOperations.PopCount(counted.ExtractMostSignificantBits());
                    }
                }
                Increment(hist, buffer, n);
            }
        }
        if (n8 < sites) CountScalar(bins, hist, site, row, mu, tau, tauRupture, phi, n8, sites, y, width, eta, events);
    }

    /// <summary>hist[offset[i]]++ for i &lt; n, the line of offset i + <see cref="IncrementPrefetch"/> prefetched.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Increment(ushort* hist, int* offset, int n)
    {
        var head = Math.Min(n, IncrementPrefetch);
        for (var i = 0; i < head; i++) Sse.Prefetch0(hist + offset[i]);
        var i0 = 0;
        for (; i0 < n - IncrementPrefetch; i0++)
        {
            Sse.Prefetch0(hist + offset[i0 + IncrementPrefetch]);
            hist[offset[i0]]++;
        }
        for (; i0 < n; i0++) hist[offset[i0]]++;
    }

    /// <summary>Sites ahead whose field rows are prefetched (48 measured ≈ 4 % less counting CPU than 16 on the Nepal
    /// benchmark; 32 and 96 no better than 48).</summary>
    private const int PrefetchDistance = 48;

    /// <summary>Offsets ahead whose histogram line is prefetched.</summary>
    private const int IncrementPrefetch = 48;

    /// <summary>A 64-bit lane mask (all ones or zero) as 32-bit lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Narrow(Vector512<double> mask) => Avx512F.ConvertToVector256Int32(mask.AsInt64());
}
