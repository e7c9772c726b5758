using QuakeGrid.Core.Inference.Diagnostics;
using QuakeGrid.Core.Inference.Likelihood;
using QuakeGrid.Core.Inference.Sampling;

namespace QuakeGrid.Core.Tests.Inference;

public class NutsSamplerTests
{
    /// <summary>Gaussian with sds 0.1, 1, 10, correlation 0.6 between the first two coordinates, mean (1, −2, 5).</summary>
    private sealed class Gaussian : ILogDensity
    {
        private static readonly double[] Mu = { 1, -2, 5 };
        private static readonly double[] Sd = { 0.1, 1, 10 };
        private readonly double R;
        public Gaussian(double r = 0.6) { R = r; }
        public int Dimension => 3;
        public int Calls;
        public double Evaluate(ReadOnlySpan<double> q, Span<double> g)
        {
            Interlocked.Increment(ref Calls);
            var a = (q[0] - Mu[0]) / Sd[0]; var b = (q[1] - Mu[1]) / Sd[1]; var c = (q[2] - Mu[2]) / Sd[2];
            var det = 1 - R * R;
            var lp = -0.5 * ((a * a - 2 * R * a * b + b * b) / det + c * c);
            if (!g.IsEmpty)
            {
                g[0] = -(a - R * b) / det / Sd[0];
                g[1] = -(b - R * a) / det / Sd[1];
                g[2] = -c / Sd[2];
            }
            return lp;
        }
    }

    [Fact]
    public void RecoversGaussianMomentsWithGoodDiagnostics()
    {
        var target = new Gaussian();
        var res = NutsSampler.Sample(target, new NutsSettings { Chains = 4, Warmup = 500, Draws = 500 }, 2024, new double[] { 0, 0, 0 });
        var mu = new[] { 1.0, -2, 5 }; var sd = new[] { 0.1, 1.0, 10 };
        var draws = Enumerable.Range(0, 3).Select(k => res.Map(q => q[k])).ToArray();
        var summary = PosteriorSummary.Compute(new[] { "a", "b", "c" }, draws, res.Divergences);
        Assert.Equal(0, res.Divergences);
        for (var k = 0; k < 3; k++)
        {
            var s = summary.Parameters[k];
            var mcse = sd[k] / Math.Sqrt(s.EssBulk);
            Assert.True(Math.Abs(s.Mean - mu[k]) < 5 * mcse, $"coord {k}: mean {s.Mean} vs {mu[k]} (mcse {mcse})");
            Assert.InRange(s.Sd / sd[k], 0.9, 1.1);
            Assert.True(s.Rhat < 1.01, $"coord {k}: R-hat {s.Rhat}");
            Assert.True(s.EssBulk > 400, $"coord {k}: ESS {s.EssBulk}");
        }
        // Adapted inverse metric ≈ marginal variances (0.01, 1, 100) within warm-up noise.
        foreach (var c in res.Chains)
        {
            Assert.InRange(c.InverseMetric[0] / 0.01, 0.5, 2);
            Assert.InRange(c.InverseMetric[2] / 100, 0.5, 2);
            Assert.InRange(c.AcceptStat.Average(), 0.6, 0.97);
        }
    }

    /// <summary>
    /// Dense metric on a strongly correlated target (r = 0.95 between coordinates of sds 0.1 and 1): the moments and
    /// the correlation are recovered, the adapted dense metric is close to the covariance (diagonal reported), and the
    /// trajectories are shorter than with the diagonal metric on the same target and seed.
    /// </summary>
    [Fact]
    public void DenseMetricRecoversCorrelatedGaussianWithShorterTrajectories()
    {
        var settings = new NutsSettings { Chains = 4, Warmup = 500, Draws = 500 };
        var dense = NutsSampler.Sample(new Gaussian(0.95), settings with { DenseMetric = true }, 11, new double[3]);
        var diag = NutsSampler.Sample(new Gaussian(0.95), settings, 11, new double[3]);
        var mu = new[] { 1.0, -2, 5 }; var sd = new[] { 0.1, 1.0, 10 };
        var draws = Enumerable.Range(0, 3).Select(k => dense.Map(q => q[k])).ToArray();
        var summary = PosteriorSummary.Compute(new[] { "a", "b", "c" }, draws, dense.Divergences);
        Assert.Equal(0, dense.Divergences);
        for (var k = 0; k < 3; k++)
        {
            var s = summary.Parameters[k];
            Assert.True(Math.Abs(s.Mean - mu[k]) < 5 * sd[k] / Math.Sqrt(s.EssBulk), $"coord {k}: mean {s.Mean}");
            Assert.InRange(s.Sd / sd[k], 0.9, 1.1);
            Assert.True(s.Rhat < 1.01, $"coord {k}: R-hat {s.Rhat}");
        }
        var x = draws[0].SelectMany(c => c).ToArray();
        var y = draws[1].SelectMany(c => c).ToArray();
        var corr = MathNet.Numerics.Statistics.Correlation.Pearson(x, y);
        Assert.InRange(corr, 0.93, 0.97);
        foreach (var c in dense.Chains) Assert.InRange(c.InverseMetric[1], 0.5, 2);
        var leapDense = dense.Chains.Average(c => c.Leapfrogs.Average());
        var leapDiag = diag.Chains.Average(c => c.Leapfrogs.Average());
        Assert.True(leapDense < 0.7 * leapDiag, $"dense {leapDense:F2} vs diagonal {leapDiag:F2} leapfrogs per draw");
    }

    [Fact]
    public void SameSeedGivesSameDrawsSerialOrParallel()
    {
        var s = new NutsSettings { Chains = 2, Warmup = 100, Draws = 50 };
        var a = NutsSampler.Sample(new Gaussian(), s, 7, new double[3]);
        var b = NutsSampler.Sample(new Gaussian(), s with { Parallel = false }, 7, new double[3]);
        var c = NutsSampler.Sample(new Gaussian(), s, 8, new double[3]);
        for (var ch = 0; ch < 2; ch++)
            for (var i = 0; i < 50; i++) Assert.Equal(a.Chains[ch].Draws[i], b.Chains[ch].Draws[i]);
        Assert.NotEqual(a.Chains[0].Draws[49][0], c.Chains[0].Draws[49][0]);
        Assert.NotEqual(a.Chains[0].Draws[49][0], a.Chains[1].Draws[49][0]);
    }

    [Fact]
    public void WarmupScheduleMatchesStanDefaults()
    {
        // Stan, 1000 warm-up: windows end at 100, 150, 250, 450, 950.
        var w = new WarmupSchedule(1000, 75, 50, 25);
        Assert.Equal(new[] { 100, 150, 250, 450, 950 }, w.WindowEnds);
        Assert.False(w.InSlowWindow(74));
        Assert.True(w.InSlowWindow(75));
        Assert.True(w.EndsWindow(99));
        Assert.False(w.InSlowWindow(950));
    }

    /// <summary>
    /// The Laplace covariance of the correlated Gaussian is its covariance (sds 0.1, 1, 10; r = 0.6), written from the
    /// target's definition; at a minimum of the log-density (−H not positive definite) there is none.
    /// </summary>
    [Fact]
    public void LaplaceCovarianceOfGaussianIsItsCovariance()
    {
        var sd = new[] { 0.1, 1.0, 10 };
        var expected = new double[9];
        for (var i = 0; i < 3; i++) expected[i * 3 + i] = sd[i] * sd[i];
        expected[1] = expected[3] = 0.6 * sd[0] * sd[1];
        var cov = LaplaceApproximation.Covariance(new Gaussian(), new double[] { 0.3, -1, 2 });
        Assert.NotNull(cov);
        for (var k = 0; k < 9; k++)
            Assert.True(Math.Abs(cov![k] - expected[k]) < 1e-6 * Math.Max(1e-2, Math.Abs(expected[k])), $"entry {k}: {cov[k]} vs {expected[k]}");
        Assert.Null(LaplaceApproximation.Covariance(new Bowl(), new double[] { 0.5, 0.5 }));
    }

    /// <summary>Log-density +½|x|² (convex: no mode).</summary>
    private sealed class Bowl : ILogDensity
    {
        public int Dimension => 2;
        public double Evaluate(ReadOnlySpan<double> q, Span<double> g)
        {
            if (!g.IsEmpty) { g[0] = q[0]; g[1] = q[1]; }
            return 0.5 * (q[0] * q[0] + q[1] * q[1]);
        }
    }

    /// <summary>
    /// With the Laplace start the moments are recovered as with the default start, warm-up and sampling gradient
    /// counts add up to the total, and the warm-up (which then begins on the target's scale) needs fewer gradients.
    /// </summary>
    [Fact]
    public void LaplaceInitRecoversMomentsWithCheaperWarmup()
    {
        var settings = new NutsSettings { Chains = 4, Warmup = 500, Draws = 500 };
        var laplace = NutsSampler.Sample(new Gaussian(), settings with { LaplaceInit = true }, 2024, new double[3]);
        var plain = NutsSampler.Sample(new Gaussian(), settings, 2024, new double[3]);
        var mu = new[] { 1.0, -2, 5 }; var sd = new[] { 0.1, 1.0, 10 };
        var summary = PosteriorSummary.Compute(new[] { "a", "b", "c" }, Enumerable.Range(0, 3).Select(k => laplace.Map(q => q[k])).ToArray(), laplace.Divergences);
        Assert.Equal(0, laplace.Divergences);
        for (var k = 0; k < 3; k++)
        {
            var s = summary.Parameters[k];
            Assert.True(Math.Abs(s.Mean - mu[k]) < 5 * sd[k] / Math.Sqrt(s.EssBulk), $"coord {k}: mean {s.Mean}");
            Assert.InRange(s.Sd / sd[k], 0.9, 1.1);
            Assert.True(s.Rhat < 1.01, $"coord {k}: R-hat {s.Rhat}");
        }
        foreach (var c in laplace.Chains.Concat(plain.Chains))
            Assert.Equal(c.GradientEvaluations - c.WarmupGradientEvaluations, c.Leapfrogs.Sum());
        long Warm(NutsResult r) => r.Chains.Sum(c => c.WarmupGradientEvaluations);
        Assert.True(Warm(laplace) < Warm(plain), $"warm-up gradients {Warm(laplace)} (Laplace) vs {Warm(plain)}");
    }
}
