using Orleans.Concurrency;

namespace QuakeGrid.Contracts.Stations;

/// <summary>
/// One station of one event (key <see cref="StationKeys.For"/>): holds its observations and residuals against the
/// event's GMM (written by the event grain on ingestion) and answers neighbour requests from site grains.
/// </summary>
[Alias("QuakeGrid.IStationGrain")]
public interface IStationGrain : IGrainWithStringKey
{
    /// <summary>Stores the station (replacing what it held); called by the event grain after validation.</summary>
    [Alias("Store")]
    Task StoreAsync(StationData data);

    /// <summary>The stored station, or null.</summary>
    [Alias("Get"), ReadOnly]
    Task<StationData?> GetAsync();

    /// <summary>Location, Vs30, residual and standard deviations for <paramref name="imt"/> (which the station must have observed).</summary>
    [Alias("GetResidual"), ReadOnly]
    Task<StationResidual> GetResidualAsync(string imt);

    /// <summary>
    /// Within-event covariances phi_s · rho(s, p_i) · phi_i (ln units squared) between this station at <paramref name="imt"/>
    /// and each point p_i with within-event standard deviation <paramref name="phis"/>[i], under the kernel
    /// <paramref name="kernel"/> (a <c>CorrelationFactory.Parse</c> specification built at <paramref name="imt"/>).
    /// </summary>
    [Alias("GetCovariances"), ReadOnly]
    Task<double[]> GetCovariancesAsync(string imt, string kernel, CorrelationPoint[] points, double[] phis);

    /// <summary>Forgets the station.</summary>
    [Alias("Clear")]
    Task ClearAsync();
}
