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
    public static CorrelationSites FromSites(SiteCollection sites, LocalTangentProjection? projection = null, GeoPoint? epicentre = null)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var n = sites.Count;
        projection ??= LocalTangentProjection.CentredOn(sites.Lon, sites.Lat);
        var x = new double[n];
        var y = new double[n];
        for (var k = 0; k < n; k++) (x[k], y[k]) = projection.Project(sites.Lon[k], sites.Lat[k]);
        double[] r = [], az = [];
        if (epicentre is { } e)
        {
            r = new double[n];
            az = new double[n];
            for (var k = 0; k < n; k++)
            {
                r[k] = Geodesy.DistanceKm(e.Lon, e.Lat, sites.Lon[k], sites.Lat[k]);
                az[k] = Azimuth(e.Lon, e.Lat, sites.Lon[k], sites.Lat[k]);
            }
        }
        return new CorrelationSites((double[])sites.Lon.Clone(), (double[])sites.Lat.Clone(), x, y, (double[])sites.Vs30.Clone(), r, az);
    }

    /// <summary>Initial great-circle azimuth from point 1 to point 2, degrees clockwise from north in [0, 360).</summary>
    public static double Azimuth(double lon1, double lat1, double lon2, double lat2)
    {
        const double d2r = Math.PI / 180.0;
        var p1 = lat1 * d2r;
        var p2 = lat2 * d2r;
        var dl = (lon2 - lon1) * d2r;
        var yv = Math.Sin(dl) * Math.Cos(p2);
        var xv = Math.Cos(p1) * Math.Sin(p2) - Math.Sin(p1) * Math.Cos(p2) * Math.Cos(dl);
        var az = Math.Atan2(yv, xv) / d2r;
        return az < 0 ? az + 360.0 : az;
    }
}
