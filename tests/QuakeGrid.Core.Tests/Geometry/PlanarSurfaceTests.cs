using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sources.ScalingRelations;

namespace QuakeGrid.Core.Tests.Geometry;

/// <summary>
/// Hand-computed distance cases. Faults sit on the equator / prime meridian so that 0.1° = 11.119493 km both ways
/// (π·6371/1800). The hand arithmetic is flat-Earth; the code is spherical, so Rjb/Rx/Ry0 agree to ≤ 1 m and Rrup, which
/// feels the Earth's curvature under a 10-20 km deep plane (sagitta x²/2R, radial depth), to ≤ 30 m — the tolerances used.
/// </summary>
public class PlanarSurfaceTests
{
    private const double Km01 = Math.PI * 6371.0 / 1800.0; // 0.1° of great circle = 11.119493 km
    private const double FlatTol = 0.001;
    private const double RrupTol = 0.03;

    private static double LonOfKm(double km) => km / (10 * Km01);

    private static DistanceSet Distances(IRuptureSurface s, params (double Lon, double Lat)[] sites)
    {
        var d = new DistanceSet(sites.Length);
        s.ComputeDistances(sites.Select(p => p.Lon).ToArray(), sites.Select(p => p.Lat).ToArray(), d);
        return d;
    }

    // Vertical strike-slip fault, trace (0,0) → (0,0.2): strike 0° (north), length 22.239 km, depth 0-10 km.
    private static PlanarSurface Vertical() => PlanarSurface.FromTrace(new GeoPoint(0, 0), new GeoPoint(0, 0.2), 90, 0, 10);

    [Fact]
    public void Vertical_plane_properties()
    {
        var s = Vertical();
        Assert.Equal(0.0, s.Strike, 9);
        Assert.Equal(90.0, s.Dip, 6);
        Assert.Equal(0.0, s.ZTor, 12);
        Assert.Equal(2 * Km01, s.Length, 3);   // 22.239 km
        Assert.Equal(10.0, s.Width, 3);
        Assert.Equal(2 * Km01 * 10.0, s.Area, 2);
    }

    [Fact]
    public void Vertical_plane_distances()
    {
        var d = Distances(Vertical(),
            (0, 0.1),        // on the trace, middle
            (0.1, 0.1),      // 11.1195 km east (right of north strike): Rx = +11.1195, Rjb = Rrup = 11.1195, Ry0 = 0
            (-0.05, 0.05),   // 5.5597 km west: Rx = -5.5597
            (0, 0.3),        // 0.1° beyond the north end on the strike line: Ry0 = Rjb = Rrup = 11.1195, Rx = 0
            (0, -0.05),      // 0.05° beyond the south end: Ry0 = 5.5597
            (0.3, 0.4));     // beyond the north end and 0.3° east: Rjb = √(33.358² + 22.239²) = 40.092, Ry0 = 22.239, Rx = 33.358
        double[] rjb = [0, Km01, Km01 / 2, Km01, Km01 / 2, Math.Sqrt(9 * Km01 * Km01 + 4 * Km01 * Km01)];
        double[] rx = [0, Km01, -Km01 / 2, 0, 0, 3 * Km01];
        double[] ry0 = [0, 0, 0, Km01, Km01 / 2, 2 * Km01];
        for (var i = 0; i < rjb.Length; i++)
        {
            Assert.Equal(rjb[i], d.Rjb[i], 2);
            Assert.True(Math.Abs(rjb[i] - d.Rjb[i]) < 0.02, $"site {i}: Rjb {d.Rjb[i]} vs {rjb[i]}");
            Assert.True(Math.Abs(rx[i] - d.Rx[i]) < 0.02, $"site {i}: Rx {d.Rx[i]} vs {rx[i]}");
            Assert.True(Math.Abs(ry0[i] - d.Ry0[i]) < FlatTol, $"site {i}: Ry0 {d.Ry0[i]} vs {ry0[i]}");
            // a vertical plane reaching the surface: Rrup = Rjb
            Assert.True(Math.Abs(d.Rjb[i] - d.Rrup[i]) < RrupTol, $"site {i}: Rrup {d.Rrup[i]} vs Rjb {d.Rjb[i]}");
        }
        Assert.True(Math.Abs(d.Rjb[1] - Km01) < FlatTol && Math.Abs(d.Rx[1] - Km01) < FlatTol);
    }

    [Fact]
    public void Vertical_plane_site_far_away()
    {
        // Site 20° east of the middle of the trace, at 0.1°N (0.35 rad from the fault: beyond the series range, so its block of
        // four uses the scalar kernel). Nearest point: (0, 0.1). Great circle: 2R·asin(cos 0.1° · sin 10°) = 2223.895 km = Rjb = Rx.
        // Rrup is the straight-line (chord) distance, as OpenQuake; that far away the chord dips below the fault, so the closest
        // point is on the bottom edge (h = 10 km): √(h² + 2R(R−h)(1 − cos(2223.895/R))) = 2210.907 km (to the trace it would be
        // 2R·sin(2223.895/2R) = 2212.622 km; at 200 km chord and arc differ by only d³/24R² = 8 m). Ry0 = 0 (within the latitude span).
        var d = Distances(Vertical(), (20, 0.1), (0, 0.1), (0.1, 0.1), (0, 0.3));
        Assert.Equal(2223.895, d.Rjb[0], 2);
        Assert.Equal(2223.895, d.Rx[0], 1);
        Assert.Equal(2210.907, d.Rrup[0], 2);
        Assert.Equal(0.0, d.Ry0[0], 9);
        Assert.Equal(Km01, d.Rjb[2], 3);
        Assert.Equal(Km01, d.Ry0[3], 3);
    }

    // Reverse fault dipping 45° to the east (right of north strike): trace (0,0) → (0,0.2), depth 0-10 km,
    // bottom edge 10 km east of the trace (10 / tan 45°), width 10·√2 = 14.142 km.
    private static PlanarSurface Dipping() => PlanarSurface.FromTrace(new GeoPoint(0, 0), new GeoPoint(0, 0.2), 45, 0, 10);

    [Fact]
    public void Dipping_plane_properties()
    {
        var s = Dipping();
        Assert.Equal(45.0, s.Dip, 2);
        Assert.Equal(10 * Math.Sqrt(2), s.Width, 2);
        Assert.Equal(0.0, s.Strike, 9);
        Assert.Equal(10.0, s.ZBottom, 12);
        Assert.Equal(LonOfKm(10), s.BottomLeft.Lon, 5);
    }

    [Fact]
    public void Dipping_plane_distances_hanging_wall_footwall_and_ends()
    {
        var d = Distances(Dipping(),
            (LonOfKm(5), 0.1),    // hanging wall over the plane, 5 km east: Rjb 0, Rx 5, Rrup = 5·sin45° = 3.5355
            (LonOfKm(30), 0.1),   // hanging wall beyond the bottom edge: Rjb = 30-10 = 20, Rx 30, Rrup = √(20²+10²) = 22.3607
            (LonOfKm(-10), 0.1),  // footwall 10 km west: Rjb 10, Rx -10, Rrup 10 (closest point is the trace)
            (LonOfKm(5), 0.3),    // 11.1195 km beyond the north end, 5 km east: Ry0 = Rjb = 11.1195, Rrup = √(11.1195² + 3.5355²) = 11.6680
            (0.0, 0.1));          // on the trace: all zero
        double[] rjb = [0, 20, 10, Km01, 0];
        double[] rrup = [5 / Math.Sqrt(2), Math.Sqrt(500), 10, Math.Sqrt(Km01 * Km01 + 12.5), 0];
        double[] rx = [5, 30, -10, 5, 0];
        double[] ry0 = [0, 0, 0, Km01, 0];
        for (var i = 0; i < rjb.Length; i++)
        {
            Assert.True(Math.Abs(rjb[i] - d.Rjb[i]) < 0.02, $"site {i}: Rjb {d.Rjb[i]} vs {rjb[i]}");
            Assert.True(Math.Abs(rrup[i] - d.Rrup[i]) < RrupTol, $"site {i}: Rrup {d.Rrup[i]} vs {rrup[i]}");
            Assert.True(Math.Abs(rx[i] - d.Rx[i]) < 0.02, $"site {i}: Rx {d.Rx[i]} vs {rx[i]}");
            Assert.True(Math.Abs(ry0[i] - d.Ry0[i]) < 0.02, $"site {i}: Ry0 {d.Ry0[i]} vs {ry0[i]}");
        }
        Assert.Equal(0.0, d.Rjb[0]);
        Assert.Equal(0.0, d.Ry0[0]);
    }

    [Fact]
    public void Corner_constructor_matches_FromTrace_and_rejects_bad_corners()
    {
        var a = Dipping();
        var b = new PlanarSurface(a.TopLeft, a.TopRight, a.BottomRight, a.BottomLeft);
        Assert.Equal(a.Width, b.Width, 9);
        // swapped top corners: bottom edge would run the other way
        Assert.Throws<ArgumentException>(() => new PlanarSurface(a.TopRight, a.TopLeft, a.BottomRight, a.BottomLeft));
        // dipping to the left of the strike (bottom corners mirrored west)
        Assert.Throws<ArgumentException>(() => new PlanarSurface(a.TopLeft, a.TopRight,
            a.BottomRight with { Lon = -a.BottomRight.Lon }, a.BottomLeft with { Lon = -a.BottomLeft.Lon }));
        // top edge not horizontal
        Assert.Throws<ArgumentException>(() => new PlanarSurface(a.TopLeft, a.TopRight with { Depth = 1 }, a.BottomRight, a.BottomLeft));
        // bottom edge 20% shorter than the top
        Assert.Throws<ArgumentException>(() => new PlanarSurface(a.TopLeft, a.TopRight, a.BottomRight with { Lat = 0.16 }, a.BottomLeft));
        // one corner 5 km deeper than the other bottom corner: not horizontal
        Assert.Throws<ArgumentException>(() => new PlanarSurface(a.TopLeft, a.TopRight, a.BottomRight with { Depth = 15 }, a.BottomLeft));
        // bottomRight moved 0.09° ≈ 10 km east: 10·sin45° = 7.1 km off the plane, more than a quarter of the smaller side (3.5 km) → error
        Assert.Throws<ArgumentException>(() => new PlanarSurface(a.TopLeft, a.TopRight, a.BottomRight with { Lon = a.BottomRight.Lon + 0.09 }, a.BottomLeft));
        // OpenQuake's tolerance is 0.002 × 22.24 × 14.14 = 0.63 km: 0.0009° east = 0.07 km off → no warning; 0.014° = 1.1 km off → warning only
        Assert.Null(new PlanarSurface(a.TopLeft, a.TopRight, a.BottomRight with { Lon = a.BottomRight.Lon + 0.0009 }, a.BottomLeft).PlanarityWarning);
        Assert.NotNull(new PlanarSurface(a.TopLeft, a.TopRight, a.BottomRight with { Lon = a.BottomRight.Lon + 0.014 }, a.BottomLeft).PlanarityWarning);
        Assert.Null(a.PlanarityWarning);
        // NaN
        Assert.Throws<ArgumentException>(() => new PlanarSurface(a.TopLeft with { Lat = double.NaN }, a.TopRight, a.BottomRight, a.BottomLeft));
    }

    [Fact]
    public void Distances_agree_with_brute_force_on_a_dense_mesh_out_to_200_km()
    {
        // Independent check: sample the plane every ~0.1 km with Geodesy.PointAt and take the minimum haversine (Rjb) and
        // 3-D chord (Rrup) distance. Sites up to 200 km away in all directions. Tolerance 0.06 km = mesh half-diagonal
        // bound for inside points plus the projection error (≤ 1.6e-4 × 200 km = 0.032 km).
        var s = PlanarSurface.FromTrace(new GeoPoint(85.0, 27.3), new GeoPoint(84.7, 27.5), 35, 2, 18);
        var mlon = new List<double>(); var mlat = new List<double>(); var mdep = new List<double>();
        const int nu = 400, nv = 280;
        for (var iu = 0; iu <= nu; iu++)
        for (var iv = 0; iv <= nv; iv++)
        {
            double fu = iu / (double)nu, fv = iv / (double)nv;
            // bilinear in lon/lat between corners is accurate to metres on a 40 km plane
            var lon = (1 - fv) * ((1 - fu) * s.TopLeft.Lon + fu * s.TopRight.Lon) + fv * ((1 - fu) * s.BottomLeft.Lon + fu * s.BottomRight.Lon);
            var lat = (1 - fv) * ((1 - fu) * s.TopLeft.Lat + fu * s.TopRight.Lat) + fv * ((1 - fu) * s.BottomLeft.Lat + fu * s.BottomRight.Lat);
            mlon.Add(lon); mlat.Add(lat); mdep.Add((1 - fv) * s.ZTor + fv * s.ZBottom);
        }
        var sites = new List<(double, double)>();
        foreach (var az in new[] { 0.0, 50, 100, 150, 200, 250, 300 })
        foreach (var r in new[] { 1.0, 10, 60, 200 })
            sites.Add(Geodesy.PointAt(84.85, 27.4, az, r));
        var d = Distances(s, sites.ToArray());
        const double R = 6371.0;
        for (var i = 0; i < sites.Count; i++)
        {
            var (slon, slat) = sites[i];
            double bjb = double.MaxValue, brup = double.MaxValue;
            for (var k = 0; k < mlon.Count; k++)
            {
                var h = Geodesy.DistanceKm(slon, slat, mlon[k], mlat[k]);
                bjb = Math.Min(bjb, h);
                // chord between a surface point and a point at depth z along the radius: law of cosines
                var c = h / R; var rz = R - mdep[k];
                brup = Math.Min(brup, Math.Sqrt(R * R + rz * rz - 2 * R * rz * Math.Cos(c)));
            }
            Assert.True(Math.Abs(bjb - d.Rjb[i]) < 0.06, $"site {i}: Rjb {d.Rjb[i]} brute {bjb}");
            Assert.True(Math.Abs(brup - d.Rrup[i]) < 0.06, $"site {i}: Rrup {d.Rrup[i]} brute {brup}");
            Assert.True(d.Rrup[i] >= d.Rjb[i] - 0.04);
        }
    }

    [Fact]
    public void Point_rupture_WC1994_strike_slip_centred_on_hypocentre()
    {
        // M 6.5, rake 0: A = 10^(−3.42+0.90·6.5) = 269.153 km²; aspect 1 → L = W = 16.4059 km.
        // Layer 0-20 km, dip 90: W fits (max 20 km). Hypocentre 10 km deep: top 10 − 8.20295 = 1.79705 km, bottom 18.20295 km.
        var s = PlanarSurface.ForPointRupture(new GeoPoint(0, 0, 10), 6.5, 0, 0, 90, new WellsCoppersmith1994(), 1.0, 0, 20);
        Assert.Equal(269.1535, s.Area, 2);
        Assert.Equal(16.40590, s.Length, 3);
        Assert.Equal(16.40590, s.Width, 3);
        Assert.Equal(1.797051, s.ZTor, 5);
        Assert.Equal(18.202949, s.ZBottom, 5);
        Assert.Equal(0.0, s.Strike, 6);
        Assert.Equal(90.0, s.Dip, 6);
        // site 30 km north on the strike line: Ry0 = Rjb = 30 − 8.20295 = 21.79705, Rrup = √(21.79705² + 1.79705²) = 21.8710
        var (lon, lat) = Geodesy.PointAt(0, 0, 0, 30);
        var d = Distances(s, (lon, lat), (0, 0));
        Assert.Equal(21.79705, d.Rjb[0], 2);
        Assert.Equal(21.79705, d.Ry0[0], 2);
        Assert.Equal(21.8710, d.Rrup[0], 2);
        // epicentre: Rjb 0, Rrup = ZTor plus the sag of the straight (chord) top edge between corners 8.20295 km either side:
        // 8.20295² / (2·6371) = 0.00528 km → 1.79705 + 0.00528 = 1.80233
        Assert.Equal(0.0, d.Rjb[1], 9);
        Assert.Equal(1.80233, d.Rrup[1], 4);
    }

    [Fact]
    public void Point_rupture_width_capped_by_layer_and_shifted_down()
    {
        // M 7.5 reverse (rake 90): A = 10^(−3.99+0.98·7.5) = 2290.868 km², aspect 1.5 → W = 39.08 km, but the 0-15 km layer
        // at dip 30° allows W = 15 / sin 30° = 30 km, so W = 30 and L = 2290.868 / 30 = 76.3623 km (area kept).
        // Hypocentre at 5 km: half height 7.5 km would put the top at −2.5 km, so the rupture moves 2.5 km down: top 0, bottom 15.
        var s = PlanarSurface.ForPointRupture(new GeoPoint(30, 40, 5), 7.5, 90, 120, 30, new WellsCoppersmith1994(), 1.5, 0, 15);
        Assert.Equal(30.0, s.Width, 3);
        Assert.Equal(76.3623, s.Length, 2);
        var (l, w) = PlanarSurface.RuptureDimensions(new WellsCoppersmith1994(), 7.5, 90, 30, 1.5, 0, 15);
        Assert.Equal(76.36226, l, 4);
        Assert.Equal(30.0, w, 12);
        Assert.Equal(2290.868, s.Area, 0);
        Assert.Equal(0.0, s.ZTor, 6);
        Assert.Equal(15.0, s.ZBottom, 6);
        Assert.Equal(30.0, s.Dip, 3);
        Assert.Equal(120.0, s.Strike, 3);
        // the hypocentre lies on the plane: its Rrup-like distance is checked through the epicentre's Rx, which is
        // (hypocentre depth / tan 30°) = 8.660 km on the footwall side: the epicentre is up-dip... the trace is 5/tan30 = 8.660 km
        // to the left (footwall side) of the epicentre's surface point, so Rx(epicentre) = +8.660.
        var d = Distances(s, (30, 40));
        Assert.Equal(5 / Math.Tan(Math.PI / 6), d.Rx[0], 2);
    }

    [Theory]
    [InlineData(8.5, 90.0, 30.0, 0.0, 30.0)]    // WC1994 reverse: A = 10^(−3.99+0.98·8.5) = 22387 km²; W capped at 30/sin30° = 60 → L = 373 km
    [InlineData(9.0, 0.0, 90.0, 0.0, 20.0)]     // strike-slip: A = 10^(−3.42+0.90·9) = 47863 km²; W = 20 → L = 2393 km
    [InlineData(5.0, -90.0, 45.0, 5.0, 15.0)]   // normal: A = 10^(−2.87+0.82·5) = 16.98 km², square 4.12 km
    public void Point_rupture_keeps_the_scaling_area_for_large_and_small_events(double mag, double rake, double dip, double usd, double lsd)
    {
        var msr = new WellsCoppersmith1994();
        var s = PlanarSurface.ForPointRupture(new GeoPoint(100, -5, (usd + lsd) / 2), mag, rake, 33, dip, msr, 1.0, usd, lsd);
        Assert.True(Math.Abs(s.Area / msr.MedianArea(mag, rake) - 1) < 1e-3, $"area {s.Area} vs {msr.MedianArea(mag, rake)}");
        Assert.True(s.ZTor >= usd - 1e-6 && s.ZBottom <= lsd + 1e-6);
    }

    [Fact]
    public void Point_rupture_with_PointMSR_is_a_point()
    {
        // PointMSR: 1e-4 km² → a 10 m square; distances equal epicentral/hypocentral ones within 10 m.
        var s = PlanarSurface.ForPointRupture(new GeoPoint(12, -33, 8), 6.0, -90, 45, 60, new PointMsr(), 1.0, 0, 20);
        Assert.Equal(0.01, s.Length, 6);
        var (lon, lat) = Geodesy.PointAt(12, -33, 77, 50);
        var d = Distances(s, (lon, lat));
        Assert.Equal(50.0, d.Rjb[0], 1);
        // chord to a point 8 km deep under a point 50 km away: √(R² + (R−8)² − 2R(R−8)cos(50/R)) = 50.5733
        Assert.Equal(50.5733, d.Rrup[0], 1);
    }

    [Fact]
    public void Rejects_mismatched_array_lengths()
    {
        var s = Vertical();
        Assert.Throws<ArgumentException>(() => s.ComputeDistances(new double[3], new double[2], new DistanceSet(3)));
    }
}

public class PlanarSurfaceVectorPathTests
{
    [Fact]
    public void Vector_path_equals_scalar_path_including_far_sites_and_remainder()
    {
        // 4-lane kernel against the scalar kernel: sites near (series range), far (> 0.25 rad: scalar fallback inside a block)
        // and a count that is not a multiple of 4.
        var s = PlanarSurface.FromTrace(new GeoPoint(-122.2, 37.8, 0), new GeoPoint(-122.4, 38.1, 0), 70, 2, 14);
        var rnd = new System.Random(12345);
        const int n = 4003;
        var lon = new double[n];
        var lat = new double[n];
        for (var i = 0; i < n; i++)
        {
            var far = i % 97 == 0;
            lon[i] = -122.3 + (rnd.NextDouble() - 0.5) * (far ? 40 : 4);
            lat[i] = 37.95 + (rnd.NextDouble() - 0.5) * (far ? 30 : 3);
        }
        var a = new DistanceSet(n);
        var b = new DistanceSet(n);
        s.ComputeDistances(lon, lat, a);
        s.ComputeDistancesScalar(lon, lat, b);
        DistanceSetAssert.Close(b, a);
    }
}

public class HaywardPlaneTests
{
    [Fact]
    public void Hayward_UCERF2_vertical_plane()
    {
        // Corners from rup_HaywardM625_UCERF2.csv (OpenSHA/UCERF2 Hayward M6.25 scenario, p0..p3): a vertical strike-slip plane
        // from (−122.2128, 37.8273) to (−122.43538, 38.08889), 2.4 to 9.4 km deep.
        var tl = new GeoPoint(-122.21280000000002, 37.8273, 2.400000035762787);
        var tr = new GeoPoint(-122.4353844451033, 38.0888859498998, 2.400000035762787);
        var s = new PlanarSurface(tl, tr, tr with { Depth = 9.400000035762789 }, tl with { Depth = 9.400000035762789 });
        Assert.Equal(90.0, s.Dip, 6);
        Assert.Equal(7.0, s.Width, 6);
        Assert.Equal(Geodesy.DistanceKm(tl.Lon, tl.Lat, tr.Lon, tr.Lat), s.Length, 9);
        Assert.Equal(Geodesy.AzimuthDeg(tl.Lon, tl.Lat, tr.Lon, tr.Lat), s.Strike, 12);
        // a site on the trace midway: Rjb 0, Rx 0, Ry0 0, Rrup = ZTor 2.4 km plus the chord sag L²/(8R) = 35.1²/50968 = 0.024 km
        var mid = Geodesy.PointAt(tl.Lon, tl.Lat, s.Strike, s.Length / 2);
        // a site 10 km off the trace to the NE (left of the NW strike): Rx = −10, Rjb = 10, Rrup = √(10² + 2.4²) = 10.284
        var off = Geodesy.PointAt(mid.Lon, mid.Lat, (s.Strike + 270) % 360, 10);
        var d = new DistanceSet(2);
        s.ComputeDistances([mid.Lon, off.Lon], [mid.Lat, off.Lat], d);
        Assert.Equal(0.0, d.Rjb[0], 6);
        Assert.Equal(0.0, d.Rx[0], 3);
        Assert.Equal(0.0, d.Ry0[0], 6);
        Assert.Equal(2.424, d.Rrup[0], 2);
        Assert.Equal(-10.0, d.Rx[1], 3);
        Assert.Equal(10.0, d.Rjb[1], 3);
        Assert.Equal(Math.Sqrt(100 + 2.4 * 2.4), d.Rrup[1], 1);
    }
}
