using QuakeGrid.Contracts.Inference;
using QuakeGrid.Core.Inference.Data;
using QuakeGrid.Core.Inference.Likelihood;

namespace QuakeGrid.Grains.Inference;

/// <summary>
/// Coordinator of the distributed pooled correlation likelihood (issue 6, <c>--cluster</c>): each event lives in an
/// <see cref="IEventResidualGrain"/>; an evaluation sends the parameter vector to every event grain concurrently and
/// sums the returned log-likelihoods and gradients serially in ascending event-id order — the order the local
/// <see cref="PooledLikelihood"/> uses — so the result is bit-identical to the local run (tested). Summing in
/// arrival order instead would change the result only by floating-point rounding (≈ 1e-12 relative).
/// Usable as the target of the NUTS sampler and L-BFGS (<see cref="ILogDensity"/>; blocking, call it from client
/// threads, not from inside a grain).
/// </summary>
public sealed class DistributedPooledLikelihood : IPooledLikelihood
{
    private readonly IEventResidualGrain[] _grains;

    private DistributedPooledLikelihood(IEventResidualGrain[] grains, CorrelationModelKind kind, double nugget)
    {
        _grains = grains;
        Kind = kind;
        Nugget = nugget;
    }

    /// <summary>Model.</summary>
    public CorrelationModelKind Kind { get; }
    /// <summary>Diagonal nugget.</summary>
    public double Nugget { get; }
    /// <inheritdoc />
    public int Dimension => CorrelationModels.ParameterCount(Kind);

    /// <summary>
    /// Loads every event of <paramref name="data"/> into its grain (key <c>"{dataset}/{eqid}"</c>) and returns the
    /// coordinator. Events are kept in ascending event-id order (the order of <see cref="PooledResidualData"/>).
    /// </summary>
    public static async Task<DistributedPooledLikelihood> LoadAsync(IGrainFactory grains, string dataset, PooledResidualData data,
        CorrelationModelKind kind, double nugget = PooledLikelihood.DefaultNugget)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (data.Events.Count == 0) throw new ArgumentException("no events", nameof(data));
        var refs = data.Events.Select(e => grains.GetGrain<IEventResidualGrain>(EventResidualKeys.For(dataset, e.EqId))).ToArray();
        await Task.WhenAll(data.Events.Select((e, i) => refs[i].LoadAsync(new EventResidualData(e.EqId, e.Z, e.EpiDistKm, e.EpiAzimuthRad, e.Vs30))));
        return new DistributedPooledLikelihood(refs, kind, nugget);
    }

    /// <summary>Total log-likelihood and gradient (empty unless <paramref name="withGradient"/>) at unconstrained <paramref name="q"/>.</summary>
    public async Task<(double LogLikelihood, double[] Gradient)> EvaluateAsync(double[] q, bool withGradient)
    {
        if (q.Length != Dimension) throw new ArgumentException($"model {Kind} needs {Dimension} coordinates");
        var request = new EventLikelihoodRequest(Kind, (double[])q.Clone(), withGradient, Nugget);
        var results = await Task.WhenAll(_grains.Select(g => g.EvaluateAsync(request)));
        // Task.WhenAll keeps the order of its inputs: ascending event id, whatever the arrival order.
        var total = 0.0;
        foreach (var r in results) total += r.LogLikelihood;
        var gradient = withGradient ? new double[Dimension] : Array.Empty<double>();
        if (!double.IsFinite(total)) return (double.NegativeInfinity, gradient);
        if (withGradient)
            foreach (var r in results)
                for (var k = 0; k < Dimension; k++) gradient[k] += r.Gradient[k];
        return (total, gradient);
    }

    /// <summary>Per-event log-likelihoods in ascending event-id order.</summary>
    public async Task<double[]> EventLogLikelihoodsAsync(double[] q)
    {
        var request = new EventLikelihoodRequest(Kind, (double[])q.Clone(), false, Nugget);
        var results = await Task.WhenAll(_grains.Select(g => g.EvaluateAsync(request)));
        return results.Select(r => r.LogLikelihood).ToArray();
    }

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> q, Span<double> gradient)
    {
        var (ll, g) = EvaluateAsync(q.ToArray(), !gradient.IsEmpty).GetAwaiter().GetResult();
        if (!gradient.IsEmpty) g.CopyTo(gradient);
        return ll;
    }
}
