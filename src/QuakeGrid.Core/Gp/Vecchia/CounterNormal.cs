using System.Runtime.CompilerServices;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// Counter-based standard normal draws: <see cref="Draw"/>(key, index) is a pure function of a 64-bit key (an event's
/// stream seed) and an integer index (a site's global index in the job), so the innovation z of (event, site) in a
/// Vecchia sweep is the same whichever subset of sites, tile or batch is being computed — unlike a sequential stream,
/// whose k-th draw depends on how many draws came before it.
/// <para>
/// Method: the pair is hashed to a SplitMix64 state x₀ = mix(key + mix(index ⊕ C)) (Steele, Lea &amp; Flood 2014; mix is
/// the SplitMix64 finaliser of <see cref="SeedDerivation.Mix"/>, C = 0xd1b54a32d192ed03), and the normal comes from the
/// 128-layer Ziggurat (Marsaglia &amp; Tsang 2000, with Doornik's 2005 disjoint-bits correction, as
/// <see cref="Xoshiro256StarStar.NextStandardNormal"/>) fed by the SplitMix64 stream x_k = x₀ + k·γ, out_k = mix(x_k). About
/// 98.8 % of draws use one 64-bit output; the wedge and tail paths take further outputs of the same stream.
/// </para>
/// </summary>
public static class CounterNormal
{
    private const ulong Gamma = 0x9e3779b97f4a7c15UL;
    private const ulong IndexSalt = 0xd1b54a32d192ed03UL;

    /// <summary>The SplitMix64 state for (key, index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Start(ulong key, long index) => SeedDerivation.Mix(unchecked(key + SeedDerivation.Mix((ulong)index ^ IndexSalt)));

    /// <summary>Standard normal for (key, index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Draw(ulong key, long index)
    {
        var x = Start(key, index);
        return Next(ref x);
    }

    /// <summary>Next standard normal of the SplitMix64 stream whose state is <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Next(ref ulong x)
    {
        var r = NextBits(ref x);
        var i = (int)(r & 0x7F);
        var u = (r >> 11) * (2.0 / 9007199254740992.0) - 1.0; // (-1, 1)
        var v = u * Ziggurat.X[i];
        if (Math.Abs(v) < Ziggurat.X[i + 1]) return v;
        return SlowPath(ref x, i, u, v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NextBits(ref ulong x)
    {
        x = unchecked(x + Gamma);
        return SeedDerivation.Mix(x);
    }

    private static double Uniform(ref ulong x) => (NextBits(ref x) >> 11) * (1.0 / 9007199254740992.0);

    private static double UniformNonZero(ref ulong x) => ((NextBits(ref x) >> 11) + 1) * (1.0 / 9007199254740992.0);

    private static double SlowPath(ref ulong x, int i, double u, double v)
    {
        while (true)
        {
            if (i == 0)
            {
                // Tail beyond R (Marsaglia 1964).
                double a, b;
                do
                {
                    a = -Math.Log(UniformNonZero(ref x)) / Ziggurat.R;
                    b = -Math.Log(UniformNonZero(ref x));
                } while (b + b < a * a);
                return u < 0 ? -(Ziggurat.R + a) : Ziggurat.R + a;
            }
            var f0 = Ziggurat.F[i];
            var f1 = Ziggurat.F[i + 1];
            if (f1 + Uniform(ref x) * (f0 - f1) < Math.Exp(-0.5 * v * v)) return v;
            var r = NextBits(ref x);
            i = (int)(r & 0x7F);
            u = (r >> 11) * (2.0 / 9007199254740992.0) - 1.0;
            v = u * Ziggurat.X[i];
            if (Math.Abs(v) < Ziggurat.X[i + 1]) return v;
        }
    }
}
