using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// The neighbour sum of one row of a Vecchia forward sweep over a block of event lanes (row-major fields, one row of
/// <c>width</c> lanes per site): <c>row[e] = sd·row[e] + b_1·y_c(1)[e] + … + b_k·y_c(k)[e]</c>, evaluated left to right
/// (<c>acc = sd·z; acc = acc + b_t·y_t</c>, a multiply then an add per term, no fused multiply-add), with the lanes held
/// in registers across all k neighbours — 32 lanes in four Vector512 (or 16 in four Vector256 without AVX-512), then
/// 8 and 4 — instead of a read-modify-write of the row in memory per neighbour. Every lane sees the same IEEE
/// operations in the same order whatever the block, so the result is bit-identical across instruction sets.
/// </summary>
internal static unsafe class RowAccumulator
{
    /// <summary>
    /// Replaces the innovations z in <c>row[0..lanes)</c> (lanes a multiple of 4) by sd·z + Σ_t b[t]·y[n[t]·width + e]
    /// for t = 0..k−1 in that order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sum(double* row, int lanes, double sd, double* b, int* n, int k, double* y, int width)
    {
        var q = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; q + 32 <= lanes; q += 32) Block32(row + q, sd, b, n, k, y + q, width);
            for (; q + 8 <= lanes; q += 8) Block8(row + q, sd, b, n, k, y + q, width);
        }
        else
        {
            for (; q + 16 <= lanes; q += 16) Block16(row + q, sd, b, n, k, y + q, width);
        }
        for (; q < lanes; q += 4) Block4(row + q, sd, b, n, k, y + q, width);
    }

    private static void Block32(double* row, double sdv, double* b, int* n, int k, double* y, int width)
    {
        var sd = Vector512.Create(sdv);
        var a0 = sd * Vector512.Load(row);
        var a1 = sd * Vector512.Load(row + 8);
        var a2 = sd * Vector512.Load(row + 16);
        var a3 = sd * Vector512.Load(row + 24);
        for (var t = 0; t < k; t++)
        {
            var r = y + (long)n[t] * width;
            var w = Vector512.Create(b[t]);
            a0 += w * Vector512.Load(r);
            a1 += w * Vector512.Load(r + 8);
            a2 += w * Vector512.Load(r + 16);
            a3 += w * Vector512.Load(r + 24);
        }
        a0.Store(row);
        a1.Store(row + 8);
        a2.Store(row + 16);
        a3.Store(row + 24);
    }

    private static void Block8(double* row, double sdv, double* b, int* n, int k, double* y, int width)
    {
        var a = Vector512.Create(sdv) * Vector512.Load(row);
        for (var t = 0; t < k; t++) a += Vector512.Create(b[t]) * Vector512.Load(y + (long)n[t] * width);
        a.Store(row);
    }

    private static void Block16(double* row, double sdv, double* b, int* n, int k, double* y, int width)
    {
        var sd = Vector256.Create(sdv);
        var a0 = sd * Vector256.Load(row);
        var a1 = sd * Vector256.Load(row + 4);
        var a2 = sd * Vector256.Load(row + 8);
        var a3 = sd * Vector256.Load(row + 12);
        for (var t = 0; t < k; t++)
        {
            var r = y + (long)n[t] * width;
            var w = Vector256.Create(b[t]);
            a0 += w * Vector256.Load(r);
            a1 += w * Vector256.Load(r + 4);
            a2 += w * Vector256.Load(r + 8);
            a3 += w * Vector256.Load(r + 12);
        }
        a0.Store(row);
        a1.Store(row + 4);
        a2.Store(row + 8);
        a3.Store(row + 12);
    }

    private static void Block4(double* row, double sdv, double* b, int* n, int k, double* y, int width)
    {
        var a = Vector256.Create(sdv) * Vector256.Load(row);
        for (var t = 0; t < k; t++) a += Vector256.Create(b[t]) * Vector256.Load(y + (long)n[t] * width);
        a.Store(row);
    }
}
