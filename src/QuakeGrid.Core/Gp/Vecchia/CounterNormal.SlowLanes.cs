using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Gp.Vecchia;

public static partial class CounterNormal
{
    /// <summary>
    /// The wedge lanes of one or more <see cref="CollectSlowLanes"/> calls, resolved together by
    /// <see cref="ResolveSlowLanes"/>: where each draw goes (the fast-path value v = u·X[i] already stored there) and
    /// its first 64 bits x₀. Buffers are the caller's (stack); <see cref="Capacity"/> entries.
    /// </summary>
    internal unsafe struct SlowLanes
    {
        public double** Out;
        public ulong* X0;
        public int Count;
        public int Capacity;
    }

    /// <summary>
    /// Relative margin around Vector512.Exp(−v²/2) inside which the wedge test falls back to Math.Exp. Both are
    /// accurate to a few ulp (≈ 1e−15 relative); a decision taken outside ±2⁻³⁰ is the one the scalar test with
    /// Math.Exp takes.
    /// </summary>
    private const double ExpMargin = 1.0 / (1L << 30);

    /// <summary>
    /// The fast path of <see cref="DrawHashed(ulong, ulong)"/> for keys <c>pk[0..n)</c> of one site, eight lanes at a
    /// time (AVX-512; callers check <see cref="BatchAccelerated"/>): v = u·X[i] is stored in every lane, and the lanes
    /// where |v| &lt; X[i+1] may fail (<see cref="AcceptBound16"/>: a 16-bit bound per layer looked up by word
    /// permutes instead of a second table gather) are flagged in <paramref name="missed"/> (one word per 64 lanes, bit q mod 64 of word
    /// q / 64) for <see cref="CollectSlowLanes"/>; the last n mod 8 lanes are drawn by the scalar
    /// <see cref="DrawHashed(ulong, ulong)"/> and not flagged.
    /// </summary>
    internal static unsafe void DrawFast(ulong* pk, int n, ulong siteHash, double* pz, ulong* missed)
    {
        var q = 0;
        fixed (double* px = Ziggurat.X)
        fixed (ushort* pt = AcceptBound16)
        {
            var h = Vector512.Create(siteHash);
            var t0 = Vector512.Load(pt);
            var t1 = Vector512.Load(pt + 32);
            var t2 = Vector512.Load(pt + 64);
            var t3 = Vector512.Load(pt + 96);
            for (var c = 0; c + 8 <= n; c = q)
            {
                ulong pending = 0;
                var end = Math.Min(n, c + 64);
                for (; q + 8 <= end; q += 8)
                {
                    var x = Mix(Vector512.Load(pk + q) + h);
                    var layer = (x & Vector512.Create(0x7FUL)).AsInt64();
                    var m = (x >> 11).AsInt64();
                    var u = Vector512.ConvertToDouble(m) * (2.0 / 9007199254740992.0) - Vector512.Create(1.0);
                    var xi = Vector512.Create(Avx2.GatherVector256(px, layer.GetLower(), 8), Avx2.GatherVector256(px, layer.GetUpper(), 8));
                    var v = u * xi;
                    v.Store(pz + q);
                    // |u|·2⁵² = |m − 2⁵²| against the layer's bound: below it the fast path accepts for certain.
                    var k = Vector512.Abs(m - Vector512.Create(1L << 52)).AsUInt64() >> AcceptShift;
                    var index = layer.AsUInt16();
                    var low = Avx512BW.PermuteVar32x16x2(t0, index, t1);
                    var high = Avx512BW.PermuteVar32x16x2(t2, index, t3);
                    var upper = Vector512.Equals(layer & Vector512.Create(64L), Vector512.Create(64L)).AsUInt16();
                    var bound = Vector512.ConditionalSelect(upper, high, low).AsUInt64() & Vector512.Create(0xFFFFUL);
                    pending |= (ulong)(~Vector512.LessThan(k, bound)).ExtractMostSignificantBits() << (q - c);
                }
                missed[c >> 6] = pending;
            }
        }
        if (q < n)
        {
            if ((q & 63) == 0) missed[q >> 6] = 0;
            for (; q < n; q++) pz[q] = DrawHashed(pk[q], siteHash);
        }
    }

    /// <summary>Right shift of |u|·2⁵² (≤ 2⁵²) to the 16-bit scale of <see cref="AcceptBound16"/>.</summary>
    internal const int AcceptShift = 37;

    /// <summary>
    /// Per layer i, a bound B[i] on k = |u|·2⁵² (u = m·2⁻⁵² − 1 exactly, so |u| is a multiple of 2⁻⁵²) such that
    /// k &gt;&gt; 37 &lt; B[i] implies |u·X[i]| &lt; X[i+1], the fast-path test of <see cref="FromBits"/>: since
    /// rounding is monotone, fl(|u|·X[i]) &lt; X[i+1] holds exactly for k below a threshold K[i], found here by
    /// bisection with that same multiplication, and B[i] = K[i] &gt;&gt; 37. Lanes with k &gt;&gt; 37 ≥ B[i]
    /// (all that miss, and a fraction ≈ 2⁻¹⁵ that do not) are checked exactly by <see cref="CollectSlowLanes"/>.
    /// </summary>
    internal static readonly ushort[] AcceptBound16 = BuildAcceptBounds();

    private static ushort[] BuildAcceptBounds()
    {
        var bounds = new ushort[128];
        for (var i = 0; i < 128; i++)
        {
            // Smallest k in [0, 2⁵² + 1] with !(fl(k·2⁻⁵²·X[i]) < X[i+1]); 2⁵² + 1 if every k passes.
            long lo = 0, hi = (1L << 52) + 1;
            while (lo < hi)
            {
                var mid = lo + (hi - lo) / 2;
                var v = mid * (1.0 / 4503599627370496.0) * Ziggurat.X[i];
                if (v < Ziggurat.X[i + 1]) lo = mid + 1;
                else hi = mid;
            }
            bounds[i] = (ushort)(lo >> AcceptShift);
        }
        return bounds;
    }

    /// <summary>
    /// The lanes <see cref="DrawFast"/> flagged in <paramref name="missed"/> for keys <c>pk[0..n)</c> of one site with
    /// values at <paramref name="pz"/>: base-layer lanes (i = 0) are drawn here by the scalar
    /// <see cref="DrawHashed(ulong, ulong)"/>, wedge lanes appended to <paramref name="slow"/> (finished by
    /// <see cref="ResolveSlowLanes"/> when it is full and by the caller after the last site).
    /// </summary>
    internal static unsafe void CollectSlowLanes(ulong* pk, int n, ulong siteHash, double* pz, ulong* missed, ref SlowLanes slow)
    {
        for (var c = 0; c < n; c += 64)
        {
            var pending = missed[c >> 6];
            while (pending != 0)
            {
                var l = c + BitOperations.TrailingZeroCount(pending);
                pending &= pending - 1;
                var x0 = Start(pk[l], siteHash);
                // The exact fast-path test (DrawFast flags every miss and a few lanes near the bound).
                var i = (int)(x0 & 0x7F);
                if (Math.Abs(((x0 >> 11) * (2.0 / 9007199254740992.0) - 1.0) * Ziggurat.X[i]) < Ziggurat.X[i + 1]) continue;
                if (i == 0)
                {
                    pz[l] = DrawHashed(pk[l], siteHash);
                    continue;
                }
                if (slow.Count == slow.Capacity) ResolveSlowLanes(ref slow);
                var k = slow.Count++;
                slow.Out[k] = pz + l;
                slow.X0[k] = x0;
            }
        }
    }

    /// <summary>
    /// Finishes the wedge lanes of <paramref name="slow"/> and empties it, eight at a time, as
    /// <see cref="SlowPath"/> would: the wedge test f[i+1] + U·(f[i] − f[i+1]) &lt; exp(−v²/2) with U from
    /// x₁ = x₀ + γ (accepted: v stays), decided against Vector512.Exp where it is clear by <see cref="ExpMargin"/>
    /// and by Math.Exp otherwise; rejected lanes take the next draw of the stream, x₂ = x₁ + γ, whose fast path is
    /// tested in the vector too, and the few that miss it again continue with the scalar <see cref="Next"/> from x₁.
    /// Every operation that reaches a value is the scalar one (single IEEE operations), so the bits are those of
    /// <see cref="DrawHashed(ulong, ulong)"/>.
    /// </summary>
    internal static unsafe void ResolveSlowLanes(ref SlowLanes slow)
    {
        var n = slow.Count;
        var xb = stackalloc ulong[8];
        var vb = stackalloc double[8];
        var lhsb = stackalloc double[8];
        var v2b = stackalloc double[8];
        fixed (double* px = Ziggurat.X, pf = Ziggurat.F)
        {
            for (var c = 0; c < n; c += 8)
            {
                var g = Math.Min(8, n - c);
                for (var j = 0; j < 8; j++)
                {
                    // Padding lanes repeat the group's first entry; their results are never written.
                    var s = c + (j < g ? j : 0);
                    xb[j] = slow.X0[s];
                    vb[j] = *slow.Out[s];
                }
                var x0 = Vector512.Load(xb);
                var layer = (x0 & Vector512.Create(0x7FUL)).AsInt64();
                var lo = layer.GetLower();
                var hi = layer.GetUpper();
                var f0 = Vector512.Create(Avx2.GatherVector256(pf, lo, 8), Avx2.GatherVector256(pf, hi, 8));
                var f1 = Vector512.Create(Avx2.GatherVector256(pf + 1, lo, 8), Avx2.GatherVector256(pf + 1, hi, 8));
                var x1 = x0 + Vector512.Create(Gamma);
                var uniform = Vector512.ConvertToDouble((Mix(x1) >> 11).AsInt64()) * (1.0 / 9007199254740992.0);
                var lhs = f1 + uniform * (f0 - f1);
                var v = Vector512.Load(vb);
                var e = Vector512.Exp(Vector512.Create(-0.5) * v * v);
                var valid = (1u << g) - 1;
                var accept = Vector512.LessThan(lhs, e * (1.0 - ExpMargin)).ExtractMostSignificantBits() & valid;
                var rest = valid & ~accept;
                if (rest == 0) continue;
                var reject = Vector512.GreaterThan(lhs, e * (1.0 + ExpMargin)).ExtractMostSignificantBits() & rest;
                var unclear = rest & ~reject;
                if (unclear != 0)
                {
                    lhs.Store(lhsb);
                    do
                    {
                        var j = BitOperations.TrailingZeroCount(unclear);
                        unclear &= unclear - 1;
                        if (!(lhsb[j] < Math.Exp(-0.5 * vb[j] * vb[j]))) reject |= 1u << j;
                    } while (unclear != 0);
                }
                if (reject == 0) continue;
                // The next draw of the rejected lanes' streams: the fast path on x₂ = mix(x₁ + γ).
                var x2 = Mix(x1 + Vector512.Create(Gamma));
                var layer2 = (x2 & Vector512.Create(0x7FUL)).AsInt64();
                var lo2 = layer2.GetLower();
                var hi2 = layer2.GetUpper();
                var u2 = Vector512.ConvertToDouble((x2 >> 11).AsInt64()) * (2.0 / 9007199254740992.0) - Vector512.Create(1.0);
                var xi = Vector512.Create(Avx2.GatherVector256(px, lo2, 8), Avx2.GatherVector256(px, hi2, 8));
                var xi1 = Vector512.Create(Avx2.GatherVector256(px + 1, lo2, 8), Avx2.GatherVector256(px + 1, hi2, 8));
                var v2 = u2 * xi;
                var fast2 = Vector512.LessThan(Vector512.Abs(v2), xi1).ExtractMostSignificantBits();
                v2.Store(v2b);
                x1.Store(xb);
                do
                {
                    var j = BitOperations.TrailingZeroCount(reject);
                    reject &= reject - 1;
                    if ((fast2 & (1u << j)) != 0) *slow.Out[c + j] = v2b[j];
                    else
                    {
                        var x = xb[j];
                        *slow.Out[c + j] = Next(ref x);
                    }
                } while (reject != 0);
            }
        }
        slow.Count = 0;
    }
}
