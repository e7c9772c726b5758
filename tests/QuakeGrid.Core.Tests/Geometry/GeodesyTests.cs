using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Tests.Geometry;

public class GeodesyTests
{
    // One degree of great circle on the R = 6371 km sphere: π·6371/180 = 111.19492664 km.
    private const double Deg = Math.PI * 6371.0 / 180.0;

    [Fact]
    public void Distance_matches_sphere_arithmetic()
    {
        // quarter meridian: π/2 · 6371 = 10007.5433 km
        Assert.Equal(10007.5433, Geodesy.DistanceKm(0, 0, 0, 90), 3);
        // one degree along the equator and along a meridian: 111.19493 km
        Assert.Equal(111.19493, Geodesy.DistanceKm(10, 0, 11, 0), 4);
        Assert.Equal(111.19493, Geodesy.DistanceKm(10, 44.5, 10, 45.5), 4);
        // antipodes: π · 6371 = 20015.0868 km
        Assert.Equal(20015.0868, Geodesy.DistanceKm(0, 0, 180, 0), 3);
    }

    [Fact]
    public void Lax_to_Jfk_matches_the_aviation_formulary()
    {
        // Ed Williams, Aviation Formulary, worked example: LAX (33°57'N, 118°24'W) to JFK (40°38'N, 73°47'W):
        // d = 0.623585 rad (×6371 km = 3972.86 km), initial true course 65.89°.
        double lax = -(118 + 24 / 60.0), laxLat = 33 + 57 / 60.0, jfk = -(73 + 47 / 60.0), jfkLat = 40 + 38 / 60.0;
        Assert.Equal(0.623585 * 6371.0, Geodesy.DistanceKm(lax, laxLat, jfk, jfkLat), 2);
        Assert.Equal(65.89, Geodesy.AzimuthDeg(lax, laxLat, jfk, jfkLat), 2);
    }

    [Fact]
    public void PointAt_matches_the_aviation_formulary()
    {
        // Same source: 100 nm (0.0290888 rad = 185.325 km) from LAX on course 66° reaches 34°37'N, 116°33'W
        // (printed to the arc minute, so ±0.5' = ±0.0084°).
        var (lon, lat) = Geodesy.PointAt(-(118 + 24 / 60.0), 33 + 57 / 60.0, 66.0, 0.0290888 * 6371.0);
        Assert.InRange(lat, 34 + 37 / 60.0 - 0.0084, 34 + 37 / 60.0 + 0.0084);
        Assert.InRange(lon, -(116 + 33 / 60.0) - 0.0084, -(116 + 33 / 60.0) + 0.0084);
    }

    [Theory]
    [InlineData(1, 0, 90.0)]
    [InlineData(0, 1, 0.0)]
    [InlineData(-1, 0, 270.0)]
    [InlineData(0, -1, 180.0)]
    public void Azimuth_cardinal_directions_at_the_equator(double lon2, double lat2, double expected)
    {
        Assert.Equal(expected, Geodesy.AzimuthDeg(0, 0, lon2, lat2), 9);
    }

    [Fact]
    public void PointAt_inverts_distance_and_azimuth()
    {
        // round trip: the point reached is at the requested distance and initial bearing
        foreach (var az in new[] { 0.0, 37.0, 123.0, 250.0, 359.0 })
        {
            var (lon, lat) = Geodesy.PointAt(85.3, 27.7, az, 150.0);
            Assert.Equal(150.0, Geodesy.DistanceKm(85.3, 27.7, lon, lat), 6);
            Assert.Equal(az, Geodesy.AzimuthDeg(85.3, 27.7, lon, lat), 6);
        }
        // across the date line the longitude is wrapped into [-180, 180)
        var (l2, _) = Geodesy.PointAt(179.9, 0, 90, 0.2 * Deg);
        Assert.Equal(-179.9, l2, 9);
    }

    [Fact]
    public void Batch_distance_equals_scalar()
    {
        double[] lon = [10, 10.5, 11, -3], lat = [45, 45.2, 44, 0];
        var d = new double[4];
        Geodesy.DistanceKm(10.2, 45.1, lon, lat, d);
        for (var i = 0; i < 4; i++) Assert.Equal(Geodesy.DistanceKm(10.2, 45.1, lon[i], lat[i]), d[i], 9);
        var az = new double[4];
        Geodesy.AzimuthDeg(10.2, 45.1, lon, lat, az);
        for (var i = 0; i < 4; i++) Assert.Equal(Geodesy.AzimuthDeg(10.2, 45.1, lon[i], lat[i]), az[i], 12);
        var plon = new double[4];
        var plat = new double[4];
        Geodesy.PointAt(lon, lat, 30, 12, plon, plat);
        for (var i = 0; i < 4; i++) Assert.Equal(12.0, Geodesy.DistanceKm(lon[i], lat[i], plon[i], plat[i]), 9);
    }

    [Fact]
    public void Local_projection_preserves_distance_and_azimuth_from_the_centre()
    {
        // azimuthal equidistant: |(x, y)| equals the great-circle distance and atan2(x, y) its azimuth, near and far
        var p = new LocalProjection(-122.3, 37.9);
        foreach (var (az, d) in new[] { (0.0, 1.0), (45.0, 50.0), (200.0, 200.0), (300.0, 1500.0), (100.0, 3000.0) })
        {
            var (lon, lat) = Geodesy.PointAt(-122.3, 37.9, az, d);
            var (x, y) = p.Project(lon, lat);
            Assert.Equal(d, Math.Sqrt(x * x + y * y), 6);
            var a = Math.Atan2(x, y) * 180 / Math.PI;
            if (a < 0) a += 360;
            Assert.Equal(az, a, 6);
            var (lon2, lat2) = p.Unproject(x, y);
            Assert.Equal(lon, lon2, 8);
            Assert.Equal(lat, lat2, 8);
        }
    }

    [Fact]
    public void Local_projection_pairwise_distance_error_at_200_km_is_within_documented_bound()
    {
        // documented: relative error of plane distances ≤ ≈ ρ²/(6R²) = 1.6e-4 at ρ = 200 km.
        var p = new LocalProjection(10, 45);
        var worst = 0.0;
        for (var a = 0; a < 360; a += 15)
        {
            var (lo1, la1) = Geodesy.PointAt(10, 45, a, 200);
            var (lo2, la2) = Geodesy.PointAt(10, 45, a + 40, 150);
            var (x1, y1) = p.Project(lo1, la1);
            var (x2, y2) = p.Project(lo2, la2);
            var plane = Math.Sqrt((x1 - x2) * (x1 - x2) + (y1 - y2) * (y1 - y2));
            var exact = Geodesy.DistanceKm(lo1, la1, lo2, la2);
            worst = Math.Max(worst, Math.Abs(plane / exact - 1));
        }
        Assert.True(worst < 1.6e-4, $"worst relative error {worst}");
        Assert.True(worst > 1e-7); // the projection is not exact away from the centre (the test can fail)
    }

    [Fact]
    public void Batch_projection_equals_scalar()
    {
        var p = new LocalProjection(0, 0);
        double[] lon = [0.1, -0.5, 20], lat = [0.2, 3, -10];
        var x = new double[3];
        var y = new double[3];
        p.Project(lon, lat, x, y);
        for (var i = 0; i < 3; i++)
        {
            var (xi, yi) = p.Project(lon[i], lat[i]);
            Assert.Equal(xi, x[i]);
            Assert.Equal(yi, y[i]);
        }
        // along the equator x = R·Δλ exactly, y = 0
        var (xe, ye) = p.Project(0.3, 0);
        Assert.Equal(0.3 * Deg, xe, 9);
        Assert.Equal(0.0, ye, 12);
    }

    [Fact]
    public void Projection_and_planes_work_across_the_date_line_and_near_the_pole()
    {
        // centre 179.9°E on the equator: 179.9°W is 0.2° = 22.239 km east
        var p = new LocalProjection(179.9, 0);
        var (x, y) = p.Project(-179.9, 0);
        Assert.Equal(2 * Math.PI * 6371 / 1800, x, 6);
        Assert.Equal(0.0, y, 9);
        // a vertical fault straddling the date line along the equator (strike 90°): a site 0.1° north of its middle
        var s = PlanarSurface.FromTrace(new GeoPoint(179.9, 0), new GeoPoint(-179.9, 0), 90, 0, 10);
        Assert.Equal(90.0, s.Strike, 6);
        Assert.Equal(2 * Math.PI * 6371 / 1800, s.Length, 4);
        var d = new DistanceSet(1);
        s.ComputeDistances([180.0], [0.1], d);
        Assert.Equal(Math.PI * 6371 / 1800, d.Rjb[0], 3);  // 11.119 km
        Assert.Equal(-Math.PI * 6371 / 1800, d.Rx[0], 3);  // north is left of an eastward strike
        // near the pole: distance from the centre is still exact
        var q = new LocalProjection(30, 89.5);
        var (lo, la) = Geodesy.PointAt(30, 89.5, 200, 150);
        var (qx, qy) = q.Project(lo, la);
        Assert.Equal(150.0, Math.Sqrt(qx * qx + qy * qy), 6);
    }
}
