using QuakeGrid.Core.Inference;
using QuakeGrid.Core.Inference.Data;
using QuakeGrid.Core.Inference.Likelihood;
using QuakeGrid.Core.Inference.Scoring;
using QuakeGrid.Core.Inference.Variogram;

namespace QuakeGrid.Core.Tests.Inference;

public class ScoringAndVariogramTests
{
    private static readonly PooledResidualData Real = PooledResidualData.FromTable(InferenceTestData.Subset());

    [Fact]
    public void LppdIsLogMeanOfLikelihoodsPerEvent()
    {
        var kind = CorrelationModelKind.E;
        var a = new KernelParameters(12, 0.5);
        var b = new KernelParameters(25, 0.9);
        var lik = new PooledLikelihood(Real, kind);
        var res = Lppd.Compute(lik, new[] { a.ToUnconstrained(kind), b.ToUnconstrained(kind) });
        var expected = 0.0;
        for (var e = 0; e < Real.Events.Count; e++)
        {
            var la = InferenceTestData.MathNetEventLogLik(kind, a, Real.Events[e]);
            var lb = InferenceTestData.MathNetEventLogLik(kind, b, Real.Events[e]);
            var m = Math.Max(la, lb);
            var pe = m + Math.Log(0.5 * (Math.Exp(la - m) + Math.Exp(lb - m)));
            Assert.Equal(pe, res.PerEvent[e], 7);
            expected += pe;
        }
        Assert.Equal(expected, res.Total, 6);
        Assert.Equal(2, res.Draws);
    }

    [Fact]
    public void IndependentLppdAndPublishedGain()
    {
        var ind = Lppd.Independent(Real, 0.0);
        var expected = Real.Events.SelectMany(e => e.Z).Sum(z => MathNet.Numerics.Distributions.Normal.PDFLn(0, 1, z));
        Assert.Equal(expected, ind.Total, 8);
        // Bodenmann et al. (2023) T = 1 s in-sample LPPD: E −16905.40, independent −18663.62 → 9.42 % gain.
        var e = new LppdResult("E", -16905.404848437283, Array.Empty<double>(), 1);
        var i = new LppdResult("independent", -18663.62375133041, Array.Empty<double>(), 1);
        Assert.Equal(9.42, e.GainOverPercent(i), 2);
    }

    [Fact]
    public void SemivariogramOfHandExample()
    {
        // One event, three stations on one ray (azimuth 0) at 0, 3 and 10 km: pair distances 3, 10, 7 km.
        var data = PooledResidualData.FromEvents(new[]
        {
            (1L, new[] { 0.5, -0.5, 1.5 }, new[] { 0.0, 3.0, 10.0 }, new[] { 0.0, 0.0, 0.0 }, new[] { 300.0, 300.0, 300.0 }),
        });
        var bins = EmpiricalSemivariogram.Compute(data, binWidthKm: 6, maxDistanceKm: 20);
        Assert.Equal(2, bins.Count);
        Assert.Equal(3.0, bins[0].MeanDistanceKm, 12);
        Assert.Equal(0.5 * 1.0, bins[0].Gamma, 12);           // ½ (0.5 − (−0.5))²
        Assert.Equal(1, bins[0].Pairs);
        Assert.Equal(8.5, bins[1].MeanDistanceKm, 12);        // pairs at 10 and 7 km
        Assert.Equal(0.5 * (1.0 + 4.0) / 2, bins[1].Gamma, 12); // ½ mean((0.5−1.5)², (−0.5−1.5)²)
    }

    [Fact]
    public void ExponentialFitRecoversNoiseFreeRange()
    {
        var bins = Enumerable.Range(0, 30).Select(i =>
        {
            var h = 1.5 + 3 * i;
            return new SemivariogramBin(3 * i, 3 * i + 3, h, 1 - Math.Exp(-3 * h / 42.0), 10 + i);
        }).ToArray();
        var fit = ExponentialVariogramFit.Fit(bins);
        Assert.Equal(42.0, fit.RangeKm, 6);
        Assert.True(fit.WeightedSse < 1e-12);
    }

    [Fact]
    public void FittedRangeRecoversSimulatedExponentialModel()
    {
        // E with gammaE = 1 and LE = 10 km is the exponential model with practical range b = 30 km.
        var data = InferenceTestData.Simulate(CorrelationModelKind.E, new KernelParameters(10, 1.0), 60, 40, 77);
        var fit = ExponentialVariogramFit.Fit(EmpiricalSemivariogram.Compute(data, 2, 60));
        Assert.InRange(fit.RangeKm, 24, 36);
        var baseline = CorrelationFitter.SemivariogramBaselineLppd(data, fit);
        var expected = data.Events.Sum(e => InferenceTestData.MathNetEventLogLik(CorrelationModelKind.E, new KernelParameters(fit.RangeKm / 3, 1.0), e));
        Assert.Equal(expected, baseline.Total, 6);
        Assert.True(baseline.GainOverPercent(Lppd.Independent(data)) > 0);
    }

    [Fact]
    public void FoldsAreFixedBySeedAndBalanced()
    {
        var ids = Enumerable.Range(1, 23).Select(i => (long)i * 7).ToArray();
        var a = EventFolds.Assign(ids, 5, 42);
        var b = EventFolds.Assign(ids.Reverse(), 5, 42);
        var c = EventFolds.Assign(ids, 5, 43);
        Assert.Equal(ids.Select(i => a[i]), ids.Select(i => b[i]));
        Assert.NotEqual(ids.Select(i => a[i]), ids.Select(i => c[i]));
        var sizes = Enumerable.Range(0, 5).Select(f => a.Values.Count(v => v == f)).ToArray();
        Assert.True(sizes.Min() >= 4 && sizes.Max() <= 5);
    }

    [Fact]
    public void MapOnlyCrossValidationBeatsIndependentModel()
    {
        var data = InferenceTestData.Simulate(CorrelationModelKind.E, new KernelParameters(15, 0.9), 10, 25, 5);
        var (m, ind, baseline) = CorrelationFitter.CrossValidate(data, new CorrelationFitOptions { Model = CorrelationModelKind.E, MapOnly = true, Seed = 3 }, 5);
        Assert.Equal(10, m.PerEvent.Length);
        Assert.True(m.GainOverPercent(ind) > 0, $"gain {m.GainOverPercent(ind)}");
        Assert.True(double.IsFinite(baseline.Total));
    }
}
