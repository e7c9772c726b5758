using QuakeGrid.Contracts.Inference;
using QuakeGrid.Core.Inference.Data;
using QuakeGrid.Core.Inference.Likelihood;
using QuakeGrid.Grains.Inference;
using QuakeGrid.Grains.Tests.Support;

namespace QuakeGrid.Grains.Tests.Inference;

/// <summary>
/// The distributed pooled correlation likelihood (one grain per event on a two-silo cluster) against the local
/// <see cref="PooledLikelihood"/>: bit-identical values and gradients, because both sum per-event terms in ascending
/// event-id order.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DistributedLikelihoodTests(ClusterFixture fixture)
{
    /// <summary>14 events of 3..90 records (both the unblocked and the blocked per-event path), seeded.</summary>
    private static PooledResidualData Data()
    {
        var rng = new System.Random(20261123);
        var events = new List<(long, double[], double[], double[], double[])>();
        for (var e = 0; e < 14; e++)
        {
            var n = e == 0 ? 90 : 3 + rng.Next(60);
            double[] Draw(Func<double> f) => Enumerable.Range(0, n).Select(_ => f()).ToArray();
            events.Add((1000 + 7 * e, Draw(() => 2 * rng.NextDouble() - 1), Draw(() => 1 + 150 * rng.NextDouble()),
                Draw(() => Math.PI * (2 * rng.NextDouble() - 1)), Draw(() => 180 + 600 * rng.NextDouble())));
        }
        // Shuffled input order: the data set orders events by id.
        return PooledResidualData.FromEvents(events.OrderBy(_ => rng.Next()));
    }

    [Theory]
    [InlineData(CorrelationModelKind.E)]
    [InlineData(CorrelationModelKind.EAS)]
    public async Task BitIdenticalToLocalPooledLikelihood(CorrelationModelKind kind)
    {
        var data = Data();
        var distributed = await DistributedPooledLikelihood.LoadAsync(fixture.Cluster.GrainFactory, $"test-{kind}", data, kind);
        var local = new PooledLikelihood(data, kind);
        var natural = new[] { 25.0, 0.6, 20.0, 200.0, 0.6 }[..CorrelationModels.ParameterCount(kind)];
        var q = KernelParameters.FromArray(kind, natural).ToUnconstrained(kind);
        var gLocal = new double[q.Length];
        var llLocal = local.Evaluate(q, gLocal);
        var (ll, g) = await distributed.EvaluateAsync(q, withGradient: true);
        Assert.True(double.IsFinite(llLocal));
        Assert.Equal(BitConverter.DoubleToInt64Bits(llLocal), BitConverter.DoubleToInt64Bits(ll));
        for (var k = 0; k < q.Length; k++) Assert.Equal(BitConverter.DoubleToInt64Bits(gLocal[k]), BitConverter.DoubleToInt64Bits(g[k]));
        Assert.Equal(local.EventLogLikelihoods(q), await distributed.EventLogLikelihoodsAsync(q));
        // The blocking ILogDensity view gives the same.
        var g2 = new double[q.Length];
        Assert.Equal(ll, distributed.Evaluate(q, g2));
        Assert.Equal(g, g2);
    }

    [Fact]
    public async Task EvaluatingAnUnloadedEventIsAnError()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<IEventResidualGrain>(EventResidualKeys.For("never-loaded", 1));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            grain.EvaluateAsync(new EventLikelihoodRequest(CorrelationModelKind.E, [0.0, 0.0], false, 1e-6)));
        Assert.Contains("holds no residuals", e.Message);
    }
}
