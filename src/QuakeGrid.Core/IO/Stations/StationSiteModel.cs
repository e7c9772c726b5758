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

    /// <summary>
    /// Sets Vs30 and z1.0 of every station of <paramref name="read"/> from this site model (replacing values the file gave);
    /// stations with no site-model point within <see cref="MaxDistanceKm"/> are removed and reported as rejections.
    /// For formats without Vs30 (ShakeMap XML) or to override the file's values.
    /// </summary>
    public StationSetReadResult AssignTo(StationSetReadResult read)
    {
        var s = read.Stations;
        var keep = new List<int>();
        var vs30 = new List<double>();
        var z1 = new List<double>();
        var rejections = read.Rejections.ToList();
        for (var i = 0; i < s.Count; i++)
        {
            if (TryMatch(s.Lon[i], s.Lat[i], out var v, out var z, out var d))
            {
                keep.Add(i);
                vs30.Add(v);
                z1.Add(z);
            }
            else
            {
                rejections.Add(new StationRejection(s.Source, $"station {s.Ids[i]} ({s.Records[i]})", "lon/lat",
                    $"no site-model point within {MaxDistanceKm} km (nearest {d:F2} km): no Vs30"));
            }
        }
        T[] Pick<T>(T[] a) => keep.Select(i => a[i]).ToArray();
        var set = new StationSet(s.Source, Pick(s.Ids), Pick(s.Names), Pick(s.Records), Pick(s.Lon), Pick(s.Lat), vs30.ToArray(), z1.ToArray(),
            Pick(s.Kind), Pick(s.Network), s.Imts, s.Value.Select(Pick).ToArray(), s.LnSigma.Select(Pick).ToArray());
        return new StationSetReadResult(set, rejections, read.IgnoredColumns);
    }

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
