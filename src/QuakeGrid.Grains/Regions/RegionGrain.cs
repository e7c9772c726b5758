using Orleans.Runtime;
using QuakeGrid.Contracts.Grains;
using QuakeGrid.Contracts.Mapping;
using QuakeGrid.Contracts.Scenario;
using QuakeGrid.Contracts.Sites;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Sites;
using QuakeGrid.Grains.Hosting;
using QuakeGrid.Grains.Scenario;

namespace QuakeGrid.Grains.Regions;

/// <summary>
/// One region tile of a job. Thin: it keeps the tile's sites (persisted, so a reactivation on another silo finds
/// them again) and hands the maths to Core's <see cref="ScenarioGroundMotion.Evaluate"/>.
/// </summary>
public sealed class RegionGrain(
    [PersistentState("region", QuakeGridStorage.Name)] IPersistentState<RegionState> state) : Grain, IRegionGrain
{
    private SiteCollection? _sites;

    private string Source => $"region {this.GetPrimaryKeyString()}";

    /// <inheritdoc />
    public async Task LoadSitesAsync(RegionSites sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var validated = RegionSitesMapper.ToCore(sites, Source);
        state.State.Sites = sites;
        await state.WriteStateAsync();
        _sites = validated;
    }

    /// <inheritdoc />
    public Task<int> GetSiteCountAsync() => Task.FromResult(state.State.Sites?.Count ?? 0);

    /// <inheritdoc />
    public Task<RegionResult> ComputeScenarioAsync(ScenarioJobSpec spec)
    {
        var stored = state.State.Sites
            ?? throw new InvalidOperationException($"{Source} holds no sites: load them before computing");
        _sites ??= RegionSitesMapper.ToCore(stored, Source);
        var job = ScenarioJobValidator.Validate(spec);
        var result = ScenarioGroundMotion.Evaluate(job.Model, job.Rupture, _sites, job.Imts);
        return Task.FromResult(Flatten(stored, spec.Imts, result));
    }

    /// <inheritdoc />
    public async Task ClearAsync()
    {
        _sites = null;
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    private static RegionResult Flatten(RegionSites sites, string[] imts, GmmResult result)
    {
        var n = sites.Count;
        var m = imts.Length;
        var ln = new double[m * n];
        var tau = new double[m * n];
        var phi = new double[m * n];
        var sigma = new double[m * n];
        for (var k = 0; k < m; k++)
        {
            result.LnMedian[k].CopyTo(ln, k * n);
            result.Tau[k].CopyTo(tau, k * n);
            result.Phi[k].CopyTo(phi, k * n);
            result.Sigma[k].CopyTo(sigma, k * n);
        }
        return new RegionResult(sites.TileId, imts, sites.SiteIndices, ln, tau, phi, sigma);
    }
}
