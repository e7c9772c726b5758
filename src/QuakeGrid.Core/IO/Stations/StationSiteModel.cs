using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Core.IO.Stations;

/// <summary>
/// Assigns site parameters (Vs30, z1.0) to stations from a site model, as OpenQuake does for station data: each
/// station takes the parameters of the nearest site-model point, which must lie within <see cref="MaxDistanceKm"/>
/// (OpenQuake's <c>max_site_model_distance</c>, default 5 km).
/// </summary>
public sealed class StationSiteModel
{
    private readonly SiteCollection _sites;
    private readonly StationNeighbourIndex _index;

    public StationSiteModel(SiteCollection siteModel, double maxDistanceKm = 5.0)
    {
        if (siteModel.Count == 0) throw new ArgumentException("site model has no points", nameof(siteModel));
        if (!(maxDistanceKm > 0)) throw new ArgumentOutOfRangeException(nameof(maxDistanceKm));
        _sites = siteModel;
        _index = new StationNeighbourIndex(siteModel.Lon, siteModel.Lat);
        MaxDistanceKm = maxDistanceKm;
    }

    public double MaxDistanceKm { get; }

    /// <summary>Vs30 (m/s), z1.0 (m) and distance (km) of the nearest site-model point; false when it is too far.</summary>
    public bool TryMatch(double lon, double lat, out double vs30, out double z1pt0, out double distanceKm)
    {
        Span<int> idx = stackalloc int[1];
        Span<double> d2 = stackalloc double[1];
        _index.Nearest(lon, lat, 1, idx, d2);
        var i = idx[0];
        distanceKm = Geodesy.DistanceKm(lon, lat, _sites.Lon[i], _sites.Lat[i]);
        vs30 = _sites.Vs30[i];
        z1pt0 = _sites.Z1pt0[i];
        return distanceKm <= MaxDistanceKm;
    }
}
