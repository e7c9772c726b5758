namespace QuakeGrid.Contracts.Sites;

/// <summary>
/// Batched conditioned-shaking queries of one event (key: the event id), for whole target grids: each point gets the
/// same answer as the <see cref="ISiteGrain"/> of its site key (point rounded to <see cref="SiteKeys.Decimals"/>
/// decimals), but one query fetches each station's residual once for all its points instead of once per point.
/// Stateless; nothing is cached between queries.
/// </summary>
[Alias("QuakeGrid.IEventShakingGrain")]
public interface IEventShakingGrain : IGrainWithStringKey
{
    /// <summary>One answer per point of <paramref name="query"/>, in its order.</summary>
    [Alias("GetShakingBatch")]
    Task<SiteShaking[]> GetShakingAsync(SiteShakingQuery query);
}
