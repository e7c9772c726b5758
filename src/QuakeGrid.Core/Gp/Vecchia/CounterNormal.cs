using System.Runtime.CompilerServices;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// Counter-based standard normal draws: <see cref="Draw"/>(key, index) is a pure function of a 64-bit key (an event's
/// stream seed) and an integer index (a site's global index in the job), so the innovation z of (event, site) in a
/// Vecchia sweep is the same whichever subset of sites, tile or batch is being computed — unlike a sequential stream,
/// whose k-th draw depends on how many draws came before it.
/// <para>
/// Method: the index is hashed once, h = mix(index ⊕ C) (<see cref="SiteHash"/>; mix is the SplitMix64 finaliser of
/// <see cref="SeedDerivation.Mix"/>, Steele, Lea &amp; Flood 2014; C = 0xd1b54a32d192ed03), and x₀ = mix(key + h) gives 64
/// random bits for the 128-layer Ziggurat (Marsaglia &amp; Tsang 2000, with Doornik's 2005 disjoint-bits correction, as
/// <see cref="Xoshiro256StarStar.NextStandardNormal"/>). About 97.2 % of draws use x₀ alone (1 − mean_i(1 − X[i+1]/X[i]) for this table); the wedge and tail paths
/// (and rejection for truncation, <see cref="Next"/>) continue with the SplitMix64 stream x_k = mix(x₀ + k·γ).
/// A sweep hashes each site once and then pays one mix per (site, event).
/// </para>
/// </summary>
public static partial class CounterNormal
{
    private const ulong Gamma = 0x9e3779b97f4a7c15UL;
    private const ulong IndexSalt = 0xd1b54a32d192ed03UL;

    /// <summary>h(index), the per-site half of the hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SiteHash(long index) => SeedDerivation.Mix((ulong)index ^ IndexSalt);

    /// <summary>The first 64 bits x₀ = mix(key + h) of the (key, site) stream; also the stream's state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Start(ulong key, ulong siteHash) => SeedDerivation.Mix(unchecked(key + siteHash));

    /// <summary>Standard normal for (key, index).</summary>
    public static double Draw(ulong key, long index) => DrawHashed(key, SiteHash(index));

    /// <summary>Standard normal for (key, site) with the site's <see cref="SiteHash"/> precomputed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double DrawHashed(ulong key, ulong siteHash)
    {
        var x = Start(key, siteHash);
        return FromBits(x, ref x);
    }

    /// <summary>Next standard normal of the stream whose state is <paramref name="x"/> (after the first draw).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Next(ref ulong x) => FromBits(NextBits(ref x), ref x);

    /// <summary>The Ziggurat on the 64 bits <paramref name="r"/>; the slow path draws more from the stream <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FromBits(ulong r, ref ulong x)
    {
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
