using QuakeGrid.Contracts.Stations;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;
using QuakeGrid.Grains.Events;
using QuakeGrid.Grains.Hosting;

namespace QuakeGrid.Grains.Stations;

/// <summary>
/// One station of one event: its observations, residuals against the event GMM (zeta = ln y − mu) and standard deviations,
/// and its within-event covariances with any points under a Core kernel (<see cref="CorrelationFactory.Parse"/>), which
/// site grains assemble into their kriging systems.
/// </summary>
public sealed class StationGrain(
    [PersistentState("station", QuakeGridStorage.Name)] IPersistentState<StationState> state) : Grain, IStationGrain
{
    private CorrelationSites? _self;
    private readonly Dictionary<(string Imt, string Kernel), ISpatialCorrelation> _kernels = new();

    private string Source => $"station {this.GetPrimaryKeyString()}";

    /// <inheritdoc />
    public async Task StoreAsync(StationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        state.State.Data = data;
        await state.WriteStateAsync();
        _self = null;
    }

    /// <inheritdoc />
    public Task<StationData?> GetAsync() => Task.FromResult(state.State.Data);

    /// <inheritdoc />
    public Task<StationResidual> GetResidualAsync(string imt)
    {
        var (d, k) = Observation(imt);
        return Task.FromResult(new StationResidual(d.Id, d.Point, d.LnObserved[k] - d.LnMedian[k], d.LnSigma[k], d.Phi[k], d.Tau[k]));
    }

    /// <inheritdoc />
    public Task<double[]> GetCovariancesAsync(string imt, string kernel, CorrelationPoint[] points, double[] phis)
    {
        var (d, k) = Observation(imt);
        if (points is null || phis is null || points.Length != phis.Length)
            throw new ArgumentException("one within-event standard deviation per point is required");
        var key = (d.Imts[k], kernel);
        if (!_kernels.TryGetValue(key, out var rho))
        {
            try
            {
                rho = CorrelationFactory.Parse(kernel, Imt.Parse(d.Imts[k]));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new QuakeGridInputException(Source, null, "kernel", e.Message, e);
            }
            _kernels[key] = rho;
        }
        _self ??= EventModel.SitesOf([d.Point]);
        var others = EventModel.SitesOf(points);
        var result = new double[points.Length];
        var phiS = d.Phi[k];
        for (var i = 0; i < points.Length; i++) result[i] = rho.Rho(others, i, _self, 0) * (phis[i] * phiS);
        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public async Task ClearAsync()
    {
        _self = null;
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    private (StationData Data, int Index) Observation(string imt)
    {
        var d = state.State.Data ?? throw new QuakeGridInputException(Source, null, null, "unknown station");
        var canonical = Imt.TryParse(imt, out var parsed) ? parsed.ToString() : imt;
        var k = Array.IndexOf(d.Imts, canonical);
        if (k < 0) throw new QuakeGridInputException(Source, null, "imt", $"the station did not observe {imt}");
        return (d, k);
    }
}
