using MathNet.Numerics.Distributions;
using QuakeGrid.Core.Inference.Priors;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Tests.Inference;

public class CorrelationPriorsTests
{
    [Fact]
    public void DensitiesMatchMathNet()
    {
        foreach (var x in new[] { 0.3, 5.0, 30.0, 250.0 })
        {
            Assert.Equal(InverseGamma.PDFLn(2, 30, x), new InverseGammaPrior(2, 30).LogDensity(x), 10);
            Assert.Equal(Gamma.PDFLn(2, 0.25, x), new GammaPrior(2, 0.25).LogDensity(x), 10);
            Assert.Equal(LogNormal.PDFLn(4.6, 1.0, x), new LogNormalPrior(4.6, 1.0).LogDensity(x), 10);
        }
        foreach (var x in new[] { 0.05, 0.5, 0.93 })
            Assert.Equal(Beta.PDFLn(2, 2, x), new BetaPrior(2, 2).LogDensity(x), 10);
    }

    /// <summary>The density in unconstrained coordinates (prior + log-Jacobian) must integrate to one for every slot.</summary>
    [Fact]
    public void UnconstrainedDensitiesIntegrateToOne()
    {
        var priors = CorrelationPriors.Default;
        for (var slot = 0; slot < 5; slot++)
        {
            // Slot k's term = lp(q0..qk with qk = x, others 0) − lp(q0..q(k−1) = 0).
            var before = priors.LogDensityUnconstrained(new double[slot], Span<double>.Empty);
            double Lp(double x)
            {
                var q = new double[slot + 1];
                q[slot] = x;
                return priors.LogDensityUnconstrained(q, Span<double>.Empty) - before;
            }
            const double lo = -40, hi = 40; const int n = 80000;
            var h = (hi - lo) / n; var s = 0.0;
            for (var i = 0; i <= n; i++) s += (i == 0 || i == n ? 0.5 : 1) * Math.Exp(Lp(lo + i * h));
            Assert.Equal(1.0, s * h, 5);
        }
    }

    [Fact]
    public void UnconstrainedGradientMatchesFiniteDifferences()
    {
        var p = CorrelationPriors.Default;
        var q = new[] { 2.8, -0.6, 1.1, 5.0, 0.7 };
        var g = new double[5];
        p.LogDensityUnconstrained(q, g);
        for (var k = 0; k < 5; k++)
        {
            var qp = (double[])q.Clone(); qp[k] += 1e-6;
            var qm = (double[])q.Clone(); qm[k] -= 1e-6;
            var fd = (p.LogDensityUnconstrained(qp, Span<double>.Empty) - p.LogDensityUnconstrained(qm, Span<double>.Empty)) / 2e-6;
            Assert.Equal(fd, g[k], 6);
        }
    }

    [Fact]
    public void ConfigOverridesOnlyGivenKeys()
    {
        var p = CorrelationPriorsConfig.Parse("""
            { "LE": { "distribution": "LogNormal", "mu": 3.0, "sigma": 0.5 },
              // comments are allowed
              "w": { "distribution": "Beta", "a": 3, "b": 1.5 } }
            """, "priors.json");
        Assert.Equal(new LogNormalPrior(3.0, 0.5), p.LE);
        Assert.Equal(new BetaPrior(3, 1.5), p.W);
        Assert.Equal(new InverseGammaPrior(2, 100), p.LS);
        Assert.Equal(new GammaPrior(2, 0.25), p.LAL);
    }

    [Theory]
    [InlineData("""{ "LX": { "distribution": "Gamma", "shape": 2, "rate": 1 } }""", "LX", null)]
    [InlineData("""{ "w": { "distribution": "Gamma", "shape": 2, "rate": 1 } }""", "w", "distribution")]
    [InlineData("""{ "LE": { "distribution": "Beta", "a": 2, "b": 2 } }""", "LE", "distribution")]
    [InlineData("""{ "LS": { "distribution": "InverseGamma", "shape": -2, "scale": 100 } }""", "LS", "shape")]
    [InlineData("""{ "LS": { "distribution": "InverseGamma", "shape": 2 } }""", "LS", "scale")]
    [InlineData("""{ "LA": { "distribution": "Gamma", "shape": 2, "rate": 0.25, "scale": 1 } }""", "LA", "scale")]
    [InlineData("""{ "gammaE": { "distribution": "Weibull", "k": 2 } }""", "gammaE", "distribution")]
    [InlineData("""{ "gammaE": { "a": 2, "b": 2 } }""", "gammaE", "distribution")]
    [InlineData("""{ "gammaE": 3 }""", "gammaE", null)]
    public void ConfigErrorsNameTheKey(string json, string key, string? field)
    {
        var ex = Assert.Throws<QuakeGridInputException>(() => CorrelationPriorsConfig.Parse(json, "priors.json"));
        Assert.Equal(key, ex.Record);
        Assert.Equal(field, ex.Field);
        Assert.Contains("priors.json", ex.Message);
    }

    [Fact]
    public void InvalidJsonIsReported()
    {
        var ex = Assert.Throws<QuakeGridInputException>(() => CorrelationPriorsConfig.Parse("{ \"LE\": ", "priors.json"));
        Assert.Contains("invalid JSON", ex.Message);
    }
}
