using MathNet.Numerics.Distributions;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Tests.RandomTests;

public class RandomStreamTests
{
    [Fact]
    public void Xoshiro256StarStar_matches_reference_vector_for_state_1_2_3_4()
    {
        // Reference implementation (Blackman & Vigna, xoshiro256starstar.c) from state {1, 2, 3, 4}.
        var g = Xoshiro256StarStar.FromState(1, 2, 3, 4);
        Assert.Equal(11520UL, g.NextUInt64());
        Assert.Equal(0UL, g.NextUInt64());
        Assert.Equal(1509978240UL, g.NextUInt64());
        Assert.Equal(1215971899390074240UL, g.NextUInt64());
    }

    [Fact]
    public void SplitMix64_matches_reference_vector_for_seed_1234567()
    {
        // splitmix64.c by Vigna, seed 1234567: first outputs.
        var x = 1234567UL;
        ulong Next() { x = unchecked(x + 0x9e3779b97f4a7c15UL); return SeedDerivation.Mix(x); }
        Assert.Equal(6457827717110365317UL, Next());
        Assert.Equal(3203168211198807973UL, Next());
        Assert.Equal(9817491932198370423UL, Next());
    }

    [Fact]
    public void Fnv1a_matches_published_test_vectors()
    {
        // FNV-1a 64-bit test vectors (Fowler/Noll/Vo reference): "" and "a".
        Assert.Equal(0xcbf29ce484222325UL, SeedDerivation.Fnv1a(""));
        Assert.Equal(0xaf63dc4c8601ec8cUL, SeedDerivation.Fnv1a("a"));
        Assert.Equal(0x85944171f73967e8UL, SeedDerivation.Fnv1a("foobar"));
    }

    [Fact]
    public void Derived_seeds_depend_on_every_input_and_are_reproducible()
    {
        var a = SeedDerivation.Derive(42, 7, "gmf");
        Assert.Equal(a, SeedDerivation.Derive(42, 7, "gmf"));
        Assert.NotEqual(a, SeedDerivation.Derive(43, 7, "gmf"));
        Assert.NotEqual(a, SeedDerivation.Derive(42, 8, "gmf"));
        Assert.NotEqual(a, SeedDerivation.Derive(42, 7, "gmf2"));
        Assert.NotEqual(a, SeedDerivation.Derive(42, -7, "gmf"));
        var g1 = Xoshiro256StarStar.ForStream(1, 2, "x");
        var g2 = Xoshiro256StarStar.ForStream(1, 2, "x");
        for (var k = 0; k < 1000; k++) Assert.Equal(g1.NextStandardNormal(), g2.NextStandardNormal());
    }

    [Fact]
    public void Normal_draws_pass_moment_and_Kolmogorov_Smirnov_checks()
    {
        const int n = 400_000;
        var g = new Xoshiro256StarStar(20260101);
        var z = new double[n];
        g.FillStandardNormal(z);
        double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
        var tail = 0;
        foreach (var v in z)
        {
            m1 += v; m2 += v * v; m3 += v * v * v; m4 += v * v * v * v;
            if (Math.Abs(v) > 3) tail++;
        }
        m1 /= n; m2 /= n; m3 /= n; m4 /= n;
        // Standard errors: mean 1/sqrt(n), variance sqrt(2/n), skewness sqrt(15/n), kurtosis sqrt(96/n); allow 5 SE.
        Assert.InRange(m1, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange(m2 - 1, -5 * Math.Sqrt(2.0 / n), 5 * Math.Sqrt(2.0 / n));
        Assert.InRange(m3, -5 * Math.Sqrt(15.0 / n), 5 * Math.Sqrt(15.0 / n));
        Assert.InRange(m4 - 3, -5 * Math.Sqrt(96.0 / n), 5 * Math.Sqrt(96.0 / n));
        var pTail = 2 * Normal.CDF(0, 1, -3);
        Assert.InRange(tail, n * pTail - 5 * Math.Sqrt(n * pTail), n * pTail + 5 * Math.Sqrt(n * pTail));

        Array.Sort(z);
        double d = 0;
        for (var k = 0; k < n; k++)
        {
            var f = Normal.CDF(0, 1, z[k]);
            d = Math.Max(d, Math.Max(f - (double)k / n, (k + 1.0) / n - f));
        }
        Assert.True(d < 1.63 / Math.Sqrt(n), $"KS statistic {d} exceeds the 1 % critical value {1.63 / Math.Sqrt(n)}");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(3.0)]
    [InlineData(9.99)]
    [InlineData(10.0)]
    [InlineData(47.5)]
    [InlineData(2500.0)]
    public void Poisson_draws_match_the_distribution(double mean)
    {
        const int n = 100_000;
        var g = new Xoshiro256StarStar(99 + (ulong)(mean * 100));
        var counts = new Dictionary<long, int>();
        double s = 0, s2 = 0;
        for (var k = 0; k < n; k++)
        {
            var x = g.Poisson(mean);
            Assert.True(x >= 0);
            s += x; s2 += (double)x * x;
            counts[x] = counts.GetValueOrDefault(x) + 1;
        }
        var m = s / n;
        var v = s2 / n - m * m;
        Assert.InRange(m, mean - 5 * Math.Sqrt(mean / n), mean + 5 * Math.Sqrt(mean / n));
        // Variance of the sample variance of a Poisson ≈ (mean + 2 mean²)/n.
        var seVar = Math.Sqrt((mean + 2 * mean * mean) / n);
        Assert.InRange(v, mean - 5 * seVar, mean + 5 * seVar);

        // Chi-square over cells with expected count ≥ 20, against the exact pmf.
        double chi2 = 0;
        var dof = -1;
        double restExpected = n, restObserved = n;
        var lo = (long)Math.Max(0, Math.Floor(mean - 6 * Math.Sqrt(mean) - 1));
        var hi = (long)Math.Ceiling(mean + 6 * Math.Sqrt(mean) + 2);
        for (var k = lo; k <= hi; k++)
        {
            var e = n * Math.Exp(Poisson.PMFLn(mean, (int)k));
            if (e < 20) continue;
            var o = counts.GetValueOrDefault(k);
            chi2 += (o - e) * (o - e) / e;
            restExpected -= e; restObserved -= o;
            dof++;
        }
        if (restExpected >= 20) { chi2 += (restObserved - restExpected) * (restObserved - restExpected) / restExpected; dof++; }
        var critical = ChiSquared.InvCDF(Math.Max(dof, 1), 0.999);
        Assert.True(chi2 < critical, $"chi-square {chi2:F1} on {dof} dof exceeds the 0.1 % critical value {critical:F1}");
    }

    [Fact]
    public void Poisson_rejects_bad_means()
    {
        var g = new Xoshiro256StarStar(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Poisson(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Poisson(double.NaN));
        Assert.Equal(0, g.Poisson(0));
    }
}
