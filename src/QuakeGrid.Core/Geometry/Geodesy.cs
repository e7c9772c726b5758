namespace QuakeGrid.Core.Geometry;

/// <summary>
/// Great-circle geometry on a spherical Earth of radius 6371 km, as OpenQuake hazardlib's <c>geo.geodetic</c>.
/// Angles in decimal degrees, distances in km. Longitudes returned by <c>PointAt</c> are in [-180, 180).
/// </summary>
public static class Geodesy
{
    /// <summary>Mean Earth radius, km (OpenQuake <c>EARTH_RADIUS</c>).</summary>
    public const double EarthRadiusKm = 6371.0;

    private const double D2R = Math.PI / 180.0;
    private const double R2D = 180.0 / Math.PI;

    /// <summary>Great-circle distance by the haversine formula, km.</summary>
    public static double DistanceKm(double lon1, double lat1, double lon2, double lat2)
    {
        var dlat = (lat2 - lat1) * D2R;
        var dlon = (lon2 - lon1) * D2R;
        var s1 = Math.Sin(dlat * 0.5);
        var s2 = Math.Sin(dlon * 0.5);
        var a = s1 * s1 + Math.Cos(lat1 * D2R) * Math.Cos(lat2 * D2R) * s2 * s2;
        return 2.0 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1.0, a)));
    }

    /// <summary>
    /// Haversine distances (km) from one point to many: <c>into[i] = DistanceKm(lon0, lat0, lon[i], lat[i])</c>.
    /// The cosine of the fixed point's latitude is computed once.
    /// </summary>
    public static void DistanceKm(double lon0, double lat0, ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, Span<double> into)
    {
        if (lat.Length != lon.Length || into.Length != lon.Length) throw new ArgumentException("lon, lat and into must have the same length");
        var cos0 = Math.Cos(lat0 * D2R);
        for (var i = 0; i < lon.Length; i++)
        {
            var s1 = Math.Sin((lat[i] - lat0) * D2R * 0.5);
            var s2 = Math.Sin((lon[i] - lon0) * D2R * 0.5);
            var a = s1 * s1 + cos0 * Math.Cos(lat[i] * D2R) * s2 * s2;
            into[i] = 2.0 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1.0, a)));
        }
    }

    /// <summary>
    /// Initial bearing (forward azimuth) of the great circle from point 1 to point 2, degrees clockwise from north in [0, 360).
    /// θ = atan2(sin Δλ · cos φ2, cos φ1 · sin φ2 − sin φ1 · cos φ2 · cos Δλ). Zero for coincident points.
    /// </summary>
    public static double AzimuthDeg(double lon1, double lat1, double lon2, double lat2)
    {
        var p1 = lat1 * D2R;
        var p2 = lat2 * D2R;
        var dl = (lon2 - lon1) * D2R;
        var (sdl, cdl) = Math.SinCos(dl);
        var (sp1, cp1) = Math.SinCos(p1);
        var (sp2, cp2) = Math.SinCos(p2);
        var y = sdl * cp2;
        var x = cp1 * sp2 - sp1 * cp2 * cdl;
        if (y == 0.0 && x == 0.0) return 0.0;
        var az = Math.Atan2(y, x) * R2D;
        az %= 360.0;
        if (az < 0) az += 360.0;
        return az >= 360.0 ? 0.0 : az;
    }

    /// <summary>Initial bearings (degrees in [0, 360)) from one point to many: <c>into[i] = AzimuthDeg(lon0, lat0, lon[i], lat[i])</c>.</summary>
    public static void AzimuthDeg(double lon0, double lat0, ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, Span<double> into)
    {
        if (lat.Length != lon.Length || into.Length != lon.Length) throw new ArgumentException("lon, lat and into must have the same length");
        for (var i = 0; i < lon.Length; i++) into[i] = AzimuthDeg(lon0, lat0, lon[i], lat[i]);
    }

    /// <summary>
    /// The point reached by travelling <paramref name="distanceKm"/> along the great circle that leaves
    /// (<paramref name="lon"/>, <paramref name="lat"/>) with initial bearing <paramref name="azimuthDeg"/> (the direct problem on a sphere):
    /// φ2 = asin(sin φ1 cos δ + cos φ1 sin δ cos θ), λ2 = λ1 + atan2(sin θ sin δ cos φ1, cos δ − sin φ1 sin φ2), δ = d / R.
    /// </summary>
    public static (double Lon, double Lat) PointAt(double lon, double lat, double azimuthDeg, double distanceKm)
    {
        var delta = distanceKm / EarthRadiusKm;
        var (sd, cd) = Math.SinCos(delta);
        var (st, ct) = Math.SinCos(azimuthDeg * D2R);
        var (sp1, cp1) = Math.SinCos(lat * D2R);
        var sp2 = Math.Clamp(sp1 * cd + cp1 * sd * ct, -1.0, 1.0);
        var lat2 = Math.Asin(sp2);
        var dl = Math.Atan2(st * sd * cp1, cd - sp1 * sp2);
        return (NormalizeLon(lon + dl * R2D), lat2 * R2D);
    }

    /// <summary>
    /// <see cref="PointAt(double, double, double, double)"/> for many start points with one azimuth and distance.
    /// </summary>
    public static void PointAt(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, double azimuthDeg, double distanceKm,
        Span<double> lonOut, Span<double> latOut)
    {
        if (lat.Length != lon.Length || lonOut.Length != lon.Length || latOut.Length != lon.Length)
            throw new ArgumentException("all spans must have the same length");
        for (var i = 0; i < lon.Length; i++)
        {
            var (x, y) = PointAt(lon[i], lat[i], azimuthDeg, distanceKm);
            lonOut[i] = x;
            latOut[i] = y;
        }
    }

    /// <summary>Wraps a longitude into [-180, 180).</summary>
    public static double NormalizeLon(double lon)
    {
        var l = (lon + 180.0) % 360.0;
        if (l < 0) l += 360.0;
        return l - 180.0;
    }
}
