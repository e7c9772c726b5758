using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Gp.Vecchia;

public static partial class CounterNormal
{
    /// <summary>
    /// Whether <see cref="DrawHashed(ReadOnlySpan{ulong}, ulong, Span{double})"/> uses the AVX-512 kernel (64-bit
    /// multiplies of AVX-512DQ, word permutes of AVX-512BW, table gathers of AVX2); otherwise it draws lane by lane. Both give the same bits.
    /// </summary>
    public static bool BatchAccelerated => Vector512.IsHardwareAccelerated && Avx512DQ.IsSupported && Avx512BW.IsSupported && Avx2.IsSupported;

    /// <summary>
    /// <c>into[q] = DrawHashed(keys[q], siteHash)</c> for every key: the innovations of one site for a batch of events,
    /// bit-identical to the scalar draw. With AVX-512 eight keys at a time go through mix(key + h) (SplitMix64 finaliser
    /// with 64-bit vector multiplies) and the Ziggurat fast path (layer widths X[i], X[i+1] gathered, v = u·X[i] accepted
    /// where |v| &lt; X[i+1]: the same operations as <see cref="FromBits"/>, exact in any order since they are single
    /// IEEE operations); the ≈2.8 % of lanes that miss the fast path (mean_i(1 − X[i+1]/X[i])) are redrawn by the scalar
    /// <see cref="DrawHashed(ulong, ulong)"/>, whose first step is the same. <paramref name="into"/> must be at least as
    /// long as <paramref name="keys"/>.
    /// </summary>
    public static void DrawHashed(ReadOnlySpan<ulong> keys, ulong siteHash, Span<double> into)
    {
        if (into.Length < keys.Length) throw new ArgumentException("output shorter than the keys", nameof(into));
        DrawHashedCore(keys, siteHash, into, BatchAccelerated);
    }

    /// <summary><see cref="DrawHashed(ReadOnlySpan{ulong}, ulong, Span{double})"/> with the kernel chosen by the caller (tests: both paths).</summary>
    internal static unsafe void DrawHashedCore(ReadOnlySpan<ulong> keys, ulong siteHash, Span<double> into, bool vector)
    {
        var n = keys.Length;
        var q = 0;
        fixed (ulong* pk = keys)
        fixed (double* pz = into, px = Ziggurat.X)
        {
            if (vector)
            {
                var h = Vector512.Create(siteHash);
                // Chunks of up to 64 lanes: the fast path for every group of eight, then the slow-path lanes of the
                // chunk together (one unpredictable branch per chunk instead of one per group).
                for (var c = 0; c + 8 <= n; c = q)
                {
                    ulong pending = 0;
                    var end = Math.Min(n, c + 64);
                    for (; q + 8 <= end; q += 8)
                    {
                        var x = Mix(Vector512.Load(pk + q) + h);
                        var layer = (x & Vector512.Create(0x7FUL)).AsInt64();
                        // (r >> 11) < 2^53 converts exactly, as the scalar ulong → double conversion.
                        var u = Vector512.ConvertToDouble((x >> 11).AsInt64()) * (2.0 / 9007199254740992.0) - Vector512.Create(1.0);
                        var lo = layer.GetLower();
                        var hi = layer.GetUpper();
                        var xi = Vector512.Create(Avx2.GatherVector256(px, lo, 8), Avx2.GatherVector256(px, hi, 8));
                        var xi1 = Vector512.Create(Avx2.GatherVector256(px + 1, lo, 8), Avx2.GatherVector256(px + 1, hi, 8));
                        var v = u * xi;
                        v.Store(pz + q);
                        pending |= (ulong)(~Vector512.LessThan(Vector512.Abs(v), xi1)).ExtractMostSignificantBits() << (q - c);
                    }
                    while (pending != 0)
                    {
                        var l = c + BitOperations.TrailingZeroCount(pending);
                        pz[l] = DrawHashed(pk[l], siteHash);
                        pending &= pending - 1;
                    }
                }
            }
            for (; q < n; q++) pz[q] = DrawHashed(pk[q], siteHash);
        }
    }

    /// <summary><see cref="SeedDerivation.Mix"/> on eight words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ (z >> 30)) * Vector512.Create(0xbf58476d1ce4e5b9UL);
        z = (z ^ (z >> 27)) * Vector512.Create(0x94d049bb133111ebUL);
        return z ^ (z >> 31);
    }
}
