using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Core.Correlation;

/// <summary>Builds <see cref="CorrelationSites"/> from a <see cref="SiteCollection"/>.</summary>
public static class CorrelationSiteBuilder
{
    /// <summary>
    /// Correlation sites for <paramref name="sites"/>: planar X/Y (km) from <paramref name="projection"/> (default: an azimuthal
    /// equidistant projection centred on the sites), Vs30, and, when <paramref name="epicentre"/> is given, epicentral distance
    /// (great-circle, km) and azimuth (degrees clockwise from north, in [0, 360)) for the path-dependent kernels (EA, EAS).
    /// Without an epicentre those two arrays are empty.
    /// </summary>
    public static CorrelationSites FromSites(SiteCollection sites, LocalProjection? projection = null, GeoPoint? epicentre = null)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var n = sites.Count;
        projection ??= LocalProjection.CentredOn(sites.Lon, sites.Lat);
        var x = new double[n];
        var y = new double[n];
        projection.Project(sites.Lon, sites.Lat, x, y);
        double[] r = [], az = [];
        if (epicentre is { } e)
        {
            r = new double[n];
            az = new double[n];
            Geodesy.DistanceKm(e.Lon, e.Lat, sites.Lon, sites.Lat, r);
            Geodesy.AzimuthDeg(e.Lon, e.Lat, sites.Lon, sites.Lat, az);
        }
        return new CorrelationSites((double[])sites.Lon.Clone(), (double[])sites.Lat.Clone(), x, y, (double[])sites.Vs30.Clone(), r, az);
    }
}
