using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Sources;

/// <summary>
/// Uniformly spaced points inside a spherical polygon, as OpenQuake's <c>Polygon.discretize(mesh_spacing)</c>:
/// the polygon edges are resampled every 100 km, the spherical bounding box is swept from its north edge southwards
/// and from its west edge eastwards in steps of the spacing (great-circle moves east along the parallel and south
/// along the west meridian), and each node strictly inside the polygon — tested in an orthographic projection centred
/// on the bounding box — is kept. Used for area sources and for <c>region</c> site grids.
/// </summary>
public static class PolygonGrid
{
    private const double UpsamplingStepKm = 100.0;
    private const double D2R = Math.PI / 180.0;

    /// <summary>Grid points (lon, lat) inside <paramref name="polygon"/> spaced <paramref name="spacingKm"/> km, in sweep order.</summary>
    public static (double[] Lon, double[] Lat) Discretize(IReadOnlyList<GeoPoint> polygon, double spacingKm)
    {
        if (polygon.Count < 3) throw new ArgumentException("a polygon needs at least 3 vertices");
        if (!(spacingKm > 0)) throw new ArgumentException($"discretisation spacing {spacingKm} km must be positive");
        var (lons, lats) = Resample(polygon);
        double west = lons.Min(), east = lons.Max(), south = lats.Min(), north = lats.Max();
        if (east - west > 180)
            throw new ArgumentException("polygons crossing the antimeridian are not supported");

        var lon0 = (west + east) / 2 * D2R;
        var lat0 = (north + south) / 2 * D2R;
        var (sinLat0, cosLat0) = Math.SinCos(lat0);
        var px = new double[lons.Count];
        var py = new double[lons.Count];
        for (var i = 0; i < lons.Count; i++) Orthographic(lons[i], lats[i], lon0, sinLat0, cosLat0, out px[i], out py[i]);

        var outLon = new List<double>();
        var outLat = new List<double>();
        var latitude = north;
        while (latitude > south)
        {
            var longitude = west;
            while (longitude < east)
            {
                Orthographic(longitude, latitude, lon0, sinLat0, cosLat0, out var x, out var y);
                if (StrictlyInside(px, py, x, y))
                {
                    outLon.Add(longitude);
                    outLat.Add(latitude);
                }
                longitude = Geodesy.PointAt(longitude, latitude, 90.0, spacingKm).Lon;
            }
            latitude = Geodesy.PointAt(west, latitude, 180.0, spacingKm).Lat;
        }
        return (outLon.ToArray(), outLat.ToArray());
    }

    private static (List<double> Lons, List<double> Lats) Resample(IReadOnlyList<GeoPoint> polygon)
    {
        var lons = new List<double>();
        var lats = new List<double>();
        var n = polygon.Count;
        for (var i = 0; i < n; i++)
        {
            var a = polygon[i];
            var b = polygon[(i + 1) % n];
            lons.Add(a.Lon);
            lats.Add(a.Lat);
            var d = Geodesy.DistanceKm(a.Lon, a.Lat, b.Lon, b.Lat);
            var numPoints = (int)(d / UpsamplingStepKm) + 1;
            if (numPoints < 2) continue;
            var az = Geodesy.AzimuthDeg(a.Lon, a.Lat, b.Lon, b.Lat);
            for (var k = 1; k < numPoints - 1; k++)
            {
                var p = Geodesy.PointAt(a.Lon, a.Lat, az, d * k / (numPoints - 1));
                lons.Add(p.Lon);
                lats.Add(p.Lat);
            }
        }
        return (lons, lats);
    }

    private static void Orthographic(double lon, double lat, double lon0, double sinLat0, double cosLat0, out double x, out double y)
    {
        var (sinLat, cosLat) = Math.SinCos(lat * D2R);
        var (sinDl, cosDl) = Math.SinCos(lon * D2R - lon0);
        x = Geodesy.EarthRadiusKm * cosLat * sinDl;
        y = Geodesy.EarthRadiusKm * (cosLat0 * sinLat - sinLat0 * cosLat * cosDl);
    }

    /// <summary>Even–odd ray casting; points on an edge count as outside (as shapely's <c>contains</c>).</summary>
    private static bool StrictlyInside(double[] px, double[] py, double x, double y)
    {
        var inside = false;
        var n = px.Length;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            double xi = px[i], yi = py[i], xj = px[j], yj = py[j];
            // on-edge check
            var cross = (xj - xi) * (y - yi) - (yj - yi) * (x - xi);
            if (Math.Abs(cross) < 1e-9 && x >= Math.Min(xi, xj) - 1e-9 && x <= Math.Max(xi, xj) + 1e-9
                && y >= Math.Min(yi, yj) - 1e-9 && y <= Math.Max(yi, yj) + 1e-9)
                return false;
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
        }
        return inside;
    }
}
