using QuakeGrid.Contracts.Inference;
using QuakeGrid.Core.Inference.Data;
using QuakeGrid.Core.Inference.Likelihood;

namespace QuakeGrid.Grains.Inference;

/// <summary>
/// One event's residuals and distance caches (Core <see cref="EventResiduals"/>) and its exact likelihood (Core
/// <see cref="PooledLikelihood"/> over this single event, evaluated on the grain's thread). The per-event value and
/// gradient are bit-identical to the ones the local pooled likelihood computes for the same event. State is held in
/// memory only: after a deactivation the coordinator must load the event again.
/// </summary>
public sealed class EventResidualGrain : Grain, IEventResidualGrain
{
    private PooledResidualData? _data;
    private readonly Dictionary<(CorrelationModelKind, double), PooledLikelihood> _likelihoods = new();

    /// <inheritdoc />
    public Task LoadAsync(EventResidualData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var n = data.Z.Length;
        if (n == 0 || data.EpiDistKm.Length != n || data.EpiAzimuthRad.Length != n || data.Vs30.Length != n)
            throw new ArgumentException($"event {data.EqId}: residual arrays must be non-empty and of equal length");
        _data = PooledResidualData.FromEvents([(data.EqId, data.Z, data.EpiDistKm, data.EpiAzimuthRad, data.Vs30)]);
        _likelihoods.Clear();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<EventLikelihoodResult> EvaluateAsync(EventLikelihoodRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = _data ?? throw new InvalidOperationException($"event grain {this.GetPrimaryKeyString()} holds no residuals: load them first");
        if (!_likelihoods.TryGetValue((request.Model, request.Nugget), out var lik))
        {
            lik = new PooledLikelihood(data, request.Model, request.Nugget, maxDegreeOfParallelism: 1);
            _likelihoods[(request.Model, request.Nugget)] = lik;
        }
        var grad = request.WithGradient ? new double[lik.Dimension] : Array.Empty<double>();
        var ll = lik.Evaluate(request.Q, grad);
        return Task.FromResult(new EventLikelihoodResult(data.Events[0].EqId, ll, grad));
    }
}
