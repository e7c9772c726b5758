namespace QuakeGrid.Core.Geometry;

/// <summary>
/// Great-circle geometry on a spherical Earth of radius 6371 km, as OpenQuake hazardlib's <c>geo.geodetic</c>.
/// Angles in decimal degrees, distances in km.
/// </summary>
public static class Geodesy
{
    /// <summary>Mean Earth radius, km (OpenQuake <c>EARTH_RADIUS</c>).</summary>
    public const double EarthRadiusKm = 6371.0;

    /// <summary>Great-circle distance by the haversine formula, km.</summary>
    public static double DistanceKm(double lon1, double lat1, double lon2, double lat2)
    {
        const double d2r = Math.PI / 180.0;
        var dlat = (lat2 - lat1) * d2r;
        var dlon = (lon2 - lon1) * d2r;
        var s1 = Math.Sin(dlat * 0.5);
        var s2 = Math.Sin(dlon * 0.5);
        var a = s1 * s1 + Math.Cos(lat1 * d2r) * Math.Cos(lat2 * d2r) * s2 * s2;
        return 2.0 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1.0, a)));
    }
}
