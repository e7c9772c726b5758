namespace QuakeGrid.Contracts.Inference;

/// <summary>
/// One earthquake of a residual data set (key <c>"{dataset}/{eqid}"</c>, see <see cref="EventResidualKeys"/>): it holds
/// the event's residuals and its pairwise distance caches (built once on load) and evaluates the event's exact
/// log-likelihood and gradient, so that a coordinator only exchanges parameter vectors and per-event sums.
/// </summary>
[Alias("QuakeGrid.IEventResidualGrain")]
public interface IEventResidualGrain : IGrainWithStringKey
{
    /// <summary>Stores the event's records and builds the distance caches. Loading again replaces them.</summary>
    [Alias("Load")]
    Task LoadAsync(EventResidualData data);

    /// <summary>Log-likelihood (and gradient) of the event; fails when nothing was loaded.</summary>
    [Alias("Evaluate")]
    Task<EventLikelihoodResult> EvaluateAsync(EventLikelihoodRequest request);
}

/// <summary>Grain keys of <see cref="IEventResidualGrain"/>.</summary>
public static class EventResidualKeys
{
    /// <summary><c>"{dataset}/{eqid}"</c>.</summary>
    public static string For(string dataset, long eqId) => $"{dataset}/{eqId}";
}
