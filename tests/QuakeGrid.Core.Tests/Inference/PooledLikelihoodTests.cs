using QuakeGrid.Core.Inference.Data;
using QuakeGrid.Core.Inference.Likelihood;

namespace QuakeGrid.Core.Tests.Inference;

public class PooledLikelihoodTests
{
    private static readonly PooledResidualData Real = PooledResidualData.FromTable(InferenceTestData.Subset());

    public static TheoryData<CorrelationModelKind> Kinds => new() { CorrelationModelKind.E, CorrelationModelKind.EA, CorrelationModelKind.EAS };

    private static KernelParameters Params(CorrelationModelKind kind) => kind switch
    {
        CorrelationModelKind.E => new KernelParameters(16.0, 0.4),
        CorrelationModelKind.EA => new KernelParameters(21.3, 0.35, 23.6),
        _ => new KernelParameters(29.8, 0.41, 20.5, 169.2, 0.7),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void KernelValuesMatchPaperFormulas(CorrelationModelKind kind)
    {
        var p = Params(kind);
        var k = new BodenmannKernel(kind, p.ToUnconstrained(kind));
        var ev = Real.Events.First(e => e.EqId == 158);
        var worst = 0.0;
        var idx = 0;
        for (var i = 1; i < ev.Count; i++)
        for (var j = 0; j < i; j++, idx++)
        {
            var expected = InferenceTestData.Rho(kind, p, ev.EpiDistKm[i], ev.EpiAzimuthRad[i], ev.Vs30[i], ev.EpiDistKm[j], ev.EpiAzimuthRad[j], ev.Vs30[j]);
            worst = Math.Max(worst, Math.Abs(k.Value(ev, idx) - expected));
        }
        Assert.True(worst < 1e-12, $"worst kernel difference {worst}");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void LogLikelihoodMatchesMathNetDense(CorrelationModelKind kind)
    {
        var p = Params(kind);
        var lik = new PooledLikelihood(Real, kind);
        var per = lik.EventLogLikelihoods(p.ToUnconstrained(kind));
        for (var e = 0; e < Real.Events.Count; e++)
        {
            var expected = InferenceTestData.MathNetEventLogLik(kind, p, Real.Events[e]);
            Assert.True(Math.Abs(per[e] - expected) < 1e-8 * Math.Abs(expected), $"event {Real.Events[e].EqId}: {per[e]} vs {expected}");
        }
        var total = lik.Evaluate(p.ToUnconstrained(kind), new double[lik.Dimension]);
        Assert.Equal(per.Sum(), total, 8);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void GradientMatchesCentralFiniteDifferences(CorrelationModelKind kind)
    {
        var lik = new PooledLikelihood(Real, kind);
        var q = Params(kind).ToUnconstrained(kind);
        var g = new double[q.Length];
        lik.Evaluate(q, g);
        for (var k = 0; k < q.Length; k++)
        {
            const double h = 1e-5;
            var qp = (double[])q.Clone(); qp[k] += h;
            var qm = (double[])q.Clone(); qm[k] -= h;
            var fd = (lik.Evaluate(qp, Span<double>.Empty) - lik.Evaluate(qm, Span<double>.Empty)) / (2 * h);
            Assert.True(Math.Abs(fd - g[k]) < 1e-5 * Math.Max(1, Math.Abs(fd)), $"{kind} coordinate {k}: analytic {g[k]} vs FD {fd}");
        }
    }

    [Fact]
    public void ValueIsIdenticalSerialAndParallel()
    {
        var q = Params(CorrelationModelKind.EAS).ToUnconstrained(CorrelationModelKind.EAS);
        var g1 = new double[5]; var g2 = new double[5];
        var a = new PooledLikelihood(Real, CorrelationModelKind.EAS, maxDegreeOfParallelism: 1).Evaluate(q, g1);
        var b = new PooledLikelihood(Real, CorrelationModelKind.EAS).Evaluate(q, g2);
        Assert.Equal(a, b);
        Assert.Equal(g1, g2);
    }

    /// <summary>Inside an EventParallelism.Serial scope the value is the same; the scope is restored on dispose.</summary>
    [Fact]
    public void SerialScopeGivesTheSameValue()
    {
        var q = Params(CorrelationModelKind.EAS).ToUnconstrained(CorrelationModelKind.EAS);
        var g1 = new double[5]; var g2 = new double[5];
        var lik = new PooledLikelihood(Real, CorrelationModelKind.EAS);
        var a = lik.Evaluate(q, g1);
        double b;
        using (EventParallelism.Serial())
        {
            Assert.True(EventParallelism.IsSerial);
            b = lik.Evaluate(q, g2);
        }
        Assert.False(EventParallelism.IsSerial);
        Assert.Equal(a, b);
        Assert.Equal(g1, g2);
    }

    /// <summary>The benchmark's timed phase breakdown evaluates exactly the likelihood and gradient of Evaluate.</summary>
    [Fact]
    public void PhaseBreakdownEvaluatesTheSameLikelihood()
    {
        var q = Params(CorrelationModelKind.EAS).ToUnconstrained(CorrelationModelKind.EAS);
        var g1 = new double[5]; var g2 = new double[5];
        var lik = new PooledLikelihood(Real, CorrelationModelKind.EAS);
        var a = lik.Evaluate(q, g1);
        var (b, times) = lik.EvaluateWithPhaseTimes(q, g2);
        Assert.Equal(a, b);
        Assert.Equal(g1, g2);
        Assert.True(times.FillMs > 0 && times.FactorMs > 0 && times.InverseMs > 0, times.ToString());
    }

    /// <summary>
    /// External oracle: Bodenmann et al.'s own log-likelihood of event 158 (T = 1 s) under their first five pooled EAS
    /// posterior draws (numpyro/JAX, nugget 1e-6; files in data/inference/PROVENANCE.md). Their parameters and values
    /// are printed in single precision, hence the 2e-3 tolerance.
    /// </summary>
    [Theory]
    [InlineData(30.268263, 0.4085745, 20.801558, 223.43585, 0.66960907, -145.73776)]
    [InlineData(33.672764, 0.3975676, 17.120098, 170.94627, 0.67131174, -145.80763)]
    [InlineData(30.728834, 0.39185125, 18.938839, 228.33913, 0.67085636, -145.91664)]
    [InlineData(27.255333, 0.4362609, 20.851435, 172.33385, 0.70024323, -145.5846)]
    [InlineData(26.872337, 0.42576605, 21.752647, 163.04816, 0.6843375, -145.79813)]
    public void MatchesPublishedEventLogLikelihood(double le, double gammaE, double la, double ls, double w, double expected)
    {
        var ev = Real.Where(id => id == 158);
        var lik = new PooledLikelihood(ev, CorrelationModelKind.EAS);
        var q = new KernelParameters(le, gammaE, la, ls, w).ToUnconstrained(CorrelationModelKind.EAS);
        Assert.Equal(expected, lik.Evaluate(q, Span<double>.Empty), 2e-3);
    }

    [Fact]
    public void IndependentModelIsStandardNormal()
    {
        var ev = Real.Events[0];
        var expected = ev.Z.Sum(z => MathNet.Numerics.Distributions.Normal.PDFLn(0, 1, z));
        Assert.Equal(expected, PooledLikelihood.IndependentEventLogLikelihood(ev, 0.0), 10);
    }

    [Fact]
    public void NaturalUnconstrainedRoundTrip()
    {
        var p = new KernelParameters(29.8, 0.41, 20.5, 169.2, 0.7);
        var back = KernelParameters.FromUnconstrained(CorrelationModelKind.EAS, p.ToUnconstrained(CorrelationModelKind.EAS));
        Assert.Equal(p.LE, back.LE, 10); Assert.Equal(p.GammaE, back.GammaE, 10); Assert.Equal(p.LA, back.LA, 10);
        Assert.Equal(p.LS, back.LS, 10); Assert.Equal(p.W, back.W, 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => new KernelParameters(10, 0.5, 50).ToUnconstrained(CorrelationModelKind.EA));
    }
}

/// <summary>The differentiable likelihood kernel must equal the simulation kernels of Core.Correlation.</summary>
public class KernelConsistencyTests
{
    [Theory]
    [InlineData(QuakeGrid.Core.Correlation.BodenmannVariant.E, CorrelationModelKind.E)]
    [InlineData(QuakeGrid.Core.Correlation.BodenmannVariant.EA, CorrelationModelKind.EA)]
    [InlineData(QuakeGrid.Core.Correlation.BodenmannVariant.EAS, CorrelationModelKind.EAS)]
    public void MatchesCorrelationBranchKernels(QuakeGrid.Core.Correlation.BodenmannVariant variant, CorrelationModelKind kind)
    {
        var data = PooledResidualData.FromTable(InferenceTestData.Subset());
        var p = new KernelParameters(29.8, 0.41, 20.5, 169.2, 0.7);
        var theirs = new QuakeGrid.Core.Correlation.BodenmannCorrelation(variant,
            new QuakeGrid.Core.Correlation.BodenmannParameters(p.LE, p.GammaE, p.LA, p.LS, p.W));
        var mine = new BodenmannKernel(kind, p.ToUnconstrained(kind));
        var worst = 0.0;
        foreach (var ev in data.Events)
        {
            var n = ev.Count;
            var empty = Array.Empty<double>();
            var sites = new QuakeGrid.Core.Correlation.CorrelationSites(new double[n], new double[n], empty, empty, ev.Vs30,
                ev.EpiDistKm, ev.EpiAzimuthRad.Select(a => a * 180 / Math.PI).ToArray());
            var idx = 0;
            for (var i = 1; i < n; i++)
            for (var j = 0; j < i; j++, idx++)
                worst = Math.Max(worst, Math.Abs(mine.Value(ev, idx) - theirs.Rho(sites, i, sites, j)));
        }
        Assert.True(worst < 1e-12, $"worst difference {worst}");
    }

    /// <summary>
    /// The blocked algorithm (SIMD fill, blocked factor/inverse from n = 48, vectorised trace) against the reference
    /// implementation (scalar, unblocked) on synthetic events whose sizes straddle the block boundaries.
    /// </summary>
    [Theory]
    [MemberData(nameof(PooledLikelihoodTests.Kinds), MemberType = typeof(PooledLikelihoodTests))]
    public void BlockedAlgorithmMatchesReference(CorrelationModelKind kind)
    {
        var truth = new KernelParameters(20, 0.8, 25, 150, 0.6);
        var sizes = new[] { 3, 47, 48, 64, 65, 131 };
        var events = sizes.Select((n, e) => InferenceTestData.Simulate(kind, KernelParameters.FromArray(kind, truth.ToArray(kind)), 1, n, (ulong)(7 + e)).Events[0])
            .Select((ev, e) => (ev.EqId + e, ev.Z, ev.EpiDistKm, ev.EpiAzimuthRad, ev.Vs30)).ToList();
        var data = PooledResidualData.FromEvents(events);
        var q = KernelParameters.FromArray(kind, new KernelParameters(29.8, 0.41, 20.5, 169.2, 0.7).ToArray(kind)).ToUnconstrained(kind);
        var gb = new double[q.Length]; var gr = new double[q.Length];
        var blocked = new PooledLikelihood(data, kind).Evaluate(q, gb);
        var reference = new PooledLikelihood(data, kind, algorithm: LikelihoodAlgorithm.Reference).Evaluate(q, gr);
        Assert.True(Math.Abs(blocked - reference) < 1e-10 * Math.Abs(reference), $"{blocked} vs {reference}");
        for (var k = 0; k < q.Length; k++)
            Assert.True(Math.Abs(gb[k] - gr[k]) < 1e-8 * Math.Max(1, Math.Abs(gr[k])), $"coordinate {k}: {gb[k]} vs {gr[k]}");
    }
}
