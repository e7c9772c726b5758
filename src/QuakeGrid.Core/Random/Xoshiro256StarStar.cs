using System.Runtime.CompilerServices;

namespace QuakeGrid.Core.Random;

/// <summary>
/// The xoshiro256** generator (Blackman &amp; Vigna 2021, ACM TOMS 47(4)), period 2^256 − 1, seeded from one 64-bit
/// seed by four SplitMix64 steps as its authors recommend. Integer-only state updates, so a stream is identical on
/// every platform and run. Not thread-safe: use one instance per stream (per event, per purpose), which also keeps
/// results independent of the degree of parallelism.
/// <para>
/// Uniforms: <see cref="NextDouble"/> uses the top 53 bits, giving k·2^−53 in [0, 1).
/// Normals: <see cref="NextStandardNormal"/> is the Ziggurat method (Marsaglia &amp; Tsang 2000, J. Stat. Softw. 5(8)),
/// 128 layers, with Doornik's (2005) correction: the layer index (low 7 bits) and the uniform (top 53 bits) come
/// from disjoint bits. The layer table is built with Math.Exp/Math.Log; the fast path
/// (about 98.8 % of draws) uses only multiplications and comparisons.
/// Poisson: <see cref="Poisson"/> (see there).
/// </para>
/// </summary>
public sealed class Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the state from <paramref name="seed"/> by SplitMix64 (a zero state cannot occur).</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var x = seed;
        _s0 = SplitMixNext(ref x);
        _s1 = SplitMixNext(ref x);
        _s2 = SplitMixNext(ref x);
        _s3 = SplitMixNext(ref x);
    }

    /// <summary>Generator with an explicit state (not all zero), for reference test vectors.</summary>
    internal static Xoshiro256StarStar FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0) throw new ArgumentException("the all-zero state is not allowed");
        var g = new Xoshiro256StarStar(0);
        g._s0 = s0; g._s1 = s1; g._s2 = s2; g._s3 = s3;
        return g;
    }

    /// <summary>Generator for the stream <see cref="SeedDerivation.Derive"/>(<paramref name="jobSeed"/>, <paramref name="id"/>, <paramref name="purpose"/>).</summary>
    public static Xoshiro256StarStar ForStream(ulong jobSeed, long id, string purpose) => new(SeedDerivation.Derive(jobSeed, id, purpose));

    private static ulong SplitMixNext(ref ulong x)
    {
        x = unchecked(x + 0x9e3779b97f4a7c15UL);
        return SeedDerivation.Mix(x);
    }

    /// <summary>Next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform double in (0, 1], safe as a logarithm argument.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDoubleNonZero() => ((NextUInt64() >> 11) + 1) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform integer in [0, <paramref name="bound"/>) by Lemire's multiply-shift with rejection (unbiased).</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound), "bound must be positive");
        var b = (ulong)bound;
        while (true)
        {
            var r = NextUInt64() >> 32;
            var m = r * b;
            var low = (uint)m;
            if (low >= (uint)((0x1_0000_0000UL - b) % b)) return (int)(m >> 32);
        }
    }

    /// <summary>Standard normal draw by the Ziggurat method (see the class remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextStandardNormal()
    {
        var r = NextUInt64();
        var i = (int)(r & 0x7F);
        var u = (r >> 11) * (2.0 / 9007199254740992.0) - 1.0; // (-1, 1)
        var x = u * Ziggurat.X[i];
        if (Math.Abs(x) < Ziggurat.X[i + 1]) return x;
        return NormalSlowPath(i, u, x);
    }

    private double NormalSlowPath(int i, double u, double x)
    {
        while (true)
        {
            if (i == 0)
            {
                // Tail beyond R (Marsaglia 1964).
                double a, b;
                do
                {
                    a = -Math.Log(NextDoubleNonZero()) / Ziggurat.R;
                    b = -Math.Log(NextDoubleNonZero());
                } while (b + b < a * a);
                return u < 0 ? -(Ziggurat.R + a) : Ziggurat.R + a;
            }
            // Wedge: accept when a uniform point under the strip lies under the density.
            var f0 = Ziggurat.F[i];
            var f1 = Ziggurat.F[i + 1];
            if (f1 + NextDouble() * (f0 - f1) < Math.Exp(-0.5 * x * x)) return x;

            var r = NextUInt64();
            i = (int)(r & 0x7F);
            u = (r >> 11) * (2.0 / 9007199254740992.0) - 1.0;
            x = u * Ziggurat.X[i];
            if (Math.Abs(x) < Ziggurat.X[i + 1]) return x;
        }
    }

    /// <summary>Fills <paramref name="into"/> with independent standard normal draws.</summary>
    public void FillStandardNormal(Span<double> into)
    {
        for (var k = 0; k < into.Length; k++) into[k] = NextStandardNormal();
    }

    /// <summary>
    /// Poisson draw with mean <paramref name="mean"/> (≥ 0, finite). Exact for every mean:
    /// for mean &lt; 10, Knuth's product-of-uniforms inversion (count uniforms until their product falls below e^−mean);
    /// for mean ≥ 10, Hörmann's (1993) transformed rejection with squeeze, PTRS (Insurance: Math. Econ. 12, 39–45),
    /// whose acceptance test uses ln k! from <see cref="MathNet.Numerics.SpecialFunctions.GammaLn"/>.
    /// </summary>
    public long Poisson(double mean)
    {
        if (!(mean >= 0) || double.IsInfinity(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, "Poisson mean must be finite and non-negative");
        if (mean == 0) return 0;
        if (mean < 10)
        {
            var limit = Math.Exp(-mean);
            long k = 0;
            var p = NextDoubleNonZero();
            while (p > limit)
            {
                k++;
                p *= NextDoubleNonZero();
            }
            return k;
        }
        var slam = Math.Sqrt(mean);
        var logLam = Math.Log(mean);
        var b = 0.931 + 2.53 * slam;
        var a = -0.059 + 0.02483 * b;
        var invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        var vr = 0.9277 - 3.6224 / (b - 2);
        while (true)
        {
            var uu = NextDouble() - 0.5;
            var v = NextDoubleNonZero();
            var us = 0.5 - Math.Abs(uu);
            var k = Math.Floor((2 * a / us + b) * uu + mean + 0.43);
            if (us >= 0.07 && v <= vr) return (long)k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.Log(v) + Math.Log(invAlpha) - Math.Log(a / (us * us) + b) <= -mean + k * logLam - MathNet.Numerics.SpecialFunctions.GammaLn(k + 1))
                return (long)k;
        }
    }

    /// <summary>Copies the state, for checkpointing a stream.</summary>
    public Xoshiro256StarStar Clone()
    {
        var c = new Xoshiro256StarStar(0);
        c._s0 = _s0; c._s1 = _s1; c._s2 = _s2; c._s3 = _s3;
        return c;
    }
}
