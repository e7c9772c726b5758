using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Tests.Conditioning;

/// <summary>Conditional fields (Matheron update) reproduce the conditional moments within Monte Carlo error.</summary>
public sealed class ConditionalSamplerTests
{
    private static ConditioningModel Model() => ConditioningModel.SingleKernel(new ExponentialCorrelation(10.0, DistanceMetric.Geodesic),
        ShakeMapVerificationCases.PeriodRatio, ShakeMapVerificationCases.PeriodRatio);

    [Theory]
    [InlineData(1.0, false, false)] // native SA(1.0), exact weights
    [InlineData(0.6, false, false)] // bracketed by SA(0.3) and SA(1.0), exact weights
    [InlineData(1.0, true, false)]  // native, k = 4 nearest stations
    [InlineData(0.6, true, false)]  // bracketed, k = 4 nearest stations
    [InlineData(1.0, true, true)]   // native, k = 4, Vecchia unconditional field (m = 30)
    [InlineData(0.6, true, true)]   // bracketed (station copies per IMT at equal positions), Vecchia field
    public void SampleMomentsMatchConditionalMoments(double period, bool scalable, bool vecchia)
    {
        var (st, tg) = SyntheticScenario.Build(12, 30, 5, Imt.Sa(period), new[] { Imt.Sa(0.3), Imt.Sa(1.0) });
        var model = Model();
        var sys = StationSystem.Build(st, model, tg.Imt);
        KrigingWeights? w;
        var field = scalable
            ? ScalableConditioner.Condition(sys, tg, model, new ScalableConditioningOptions { NeighbourCount = 4 }, out w)
            : ExactConditioner.Condition(sys, tg, model, out w);
        const int e = 4000;
        IFieldSampler sampler = vecchia ? new VecchiaFieldSampler() : new DenseFieldSampler();
        var y = ConditionalSampler.Sample(field, w!, model, sampler, 42, 0, e);
        for (var j = 0; j < tg.Count; j++)
        {
            var row = y.AsSpan(j * e, e).ToArray();
            var m = row.Average();
            var sd = Math.Sqrt(row.Select(v => (v - m) * (v - m)).Sum() / (e - 1));
            var s = field.StdLn[j];
            Assert.True(Math.Abs(m - field.MeanLn[j]) <= 5 * s / Math.Sqrt(e), $"target {j}: sample mean {m} vs {field.MeanLn[j]}");
            Assert.True(Math.Abs(sd - s) <= 5 * s / Math.Sqrt(2.0 * e) + 1e-6, $"target {j}: sample std {sd} vs {s}");
        }
    }

    [Fact]
    public void ExactSamplesHaveTheJointConditionalCovariance()
    {
        var (st, tg) = SyntheticScenario.Build(10, 12, 9, Imt.Sa(0.6), new[] { Imt.Sa(0.3), Imt.Sa(1.0) });
        var model = Model();
        var sys = StationSystem.Build(st, model, tg.Imt);
        var field = ExactConditioner.Condition(sys, tg, model, out var w);
        var (mean, cov) = JointGaussianOracle.Condition(st, tg, 10.0, new[] { 0, 1 });
        const int e = 6000;
        var y = ConditionalSampler.Sample(field, w!, model, new DenseFieldSampler(), 7, 100, e);
        var n = tg.Count;
        var avg = new double[n];
        for (var j = 0; j < n; j++) avg[j] = y.AsSpan(j * e, e).ToArray().Average();
        for (var a = 0; a < n; a++)
        {
            Assert.Equal(mean[a], field.MeanLn[a], 9);
            for (var b = 0; b <= a; b++)
            {
                var c = 0.0;
                for (var k = 0; k < e; k++) c += (y[a * e + k] - avg[a]) * (y[b * e + k] - avg[b]);
                c /= e - 1;
                var se = Math.Sqrt((cov[a, a] * cov[b, b] + cov[a, b] * cov[a, b]) / e);
                Assert.True(Math.Abs(c - cov[a, b]) <= 5 * se, $"cov({a},{b}) = {c} vs {cov[a, b]} (se {se})");
            }
        }
    }

    [Fact]
    public void FieldsDependOnlyOnSeedAndEventId()
    {
        var (st, tg) = SyntheticScenario.Build(8, 10, 1, Imt.Pga, new[] { Imt.Pga });
        var model = Model();
        var sys = StationSystem.Build(st, model, tg.Imt);
        var field = ScalableConditioner.Condition(sys, tg, model, null, out var w);
        var a = ConditionalSampler.Sample(field, w!, model, new DenseFieldSampler(), 11, 0, 3);
        var b = ConditionalSampler.Sample(field, w!, model, new DenseFieldSampler(), 11, 0, 3);
        var c = ConditionalSampler.Sample(field, w!, model, new DenseFieldSampler(), 11, 1, 2); // events 1, 2
        Assert.Equal(a, b);
        for (var j = 0; j < tg.Count; j++)
        {
            Assert.Equal(a[j * 3 + 1], c[j * 2 + 0], 9);
            Assert.Equal(a[j * 3 + 2], c[j * 2 + 1], 9);
        }
        Assert.NotEqual(a[0], a[1]);
    }
}
