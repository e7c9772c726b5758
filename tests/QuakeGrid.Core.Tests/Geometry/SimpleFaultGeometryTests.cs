using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Tests.Geometry;

public class SimpleFaultGeometryTests
{
    private const double L = Math.PI * 6371.0 / 1800.0; // 0.1° = 11.119493 km

    private static DistanceSet Distances(IRuptureSurface s, params (double Lon, double Lat)[] sites)
    {
        var d = new DistanceSet(sites.Length);
        s.ComputeDistances(sites.Select(p => p.Lon).ToArray(), sites.Select(p => p.Lat).ToArray(), d);
        return d;
    }

    [Fact]
    public void Nepal_scenario_fault_surface_by_hand()
    {
        // OpenQuake demo ScenarioRisk fault: trace (85.0, 27.3) → (83.8, 27.8), dip 30°, 20-50 km.
        // Top edge 20/tan30° = 34.641 km from the trace (to the right of the strike), bottom 50/tan30° = 86.603 km.
        // Width 30/sin30° = 60 km. From the middle of the trace (footwall side): Rjb = 34.641, Rx = −34.641, and the closest
        // point is on the top edge: flat arithmetic Rrup = √(34.641² + 20²) = 40.000 km; on the sphere the chord from a surface
        // point to a point 20 km deep at arc s = 34.641 km is √(h² + 2R(R−h)(1 − cos(s/R))) = √(400 + 1196.23) = 39.953 km.
        // The 130.7 km trace is split into 7 collinear planes of ≤ 20 km so the planes follow the curved Earth (sag ≤ 8 m).
        var f = new SimpleFaultGeometry([new GeoPoint(85.0, 27.3), new GeoPoint(83.8, 27.8)], 30, 20, 50);
        var s = Assert.IsType<MultiPlanarSurface>(f.ToSurface());
        Assert.Equal(7, s.Planes.Count);   // ceil(130.7 / 20)
        Assert.Equal(60.0, s.Width, 2);
        Assert.Equal(20.0, s.ZTor, 9);
        Assert.Equal(30.0, s.Dip, 2);
        // mean of the pieces' azimuths = the great circle's azimuth near its middle, which turns by Δλ·sin φ ≈ 1.2°·0.46 = 0.55° along the trace
        Assert.True(Math.Abs(f.Strike - s.Strike) < 0.5, $"strike {s.Strike} vs {f.Strike}");
        var mid = Geodesy.PointAt(85.0, 27.3, f.Strike, Geodesy.DistanceKm(85.0, 27.3, 83.8, 27.8) / 2);
        var d = Distances(s, mid);
        Assert.True(Math.Abs(d.Rjb[0] - 34.641) < 0.02, $"Rjb {d.Rjb[0]}");
        Assert.True(Math.Abs(d.Rx[0] + 34.641) < 0.02, $"Rx {d.Rx[0]}");
        Assert.True(Math.Abs(d.Rrup[0] - 39.953) < 0.015, $"Rrup {d.Rrup[0]}");
        Assert.Equal(0.0, d.Ry0[0], 6);
    }

    [Theory]
    // vertical trace (0,0) → (0,0.2) of 22.239 km, 0-10 km deep. Columns at exact chord steps; an extra end node when the
    // remainder exceeds half a spacing. Rows: round-half-even(10 / spacing) + 1.
    [InlineData(1.0, 23, 11)]   // nodes 0..22 km, remainder 0.239 < 0.5; rows 10+1
    [InlineData(2.0, 12, 6)]    // 0..22, remainder 0.239 < 1
    [InlineData(3.0, 8, 4)]     // 0..21, remainder 1.239 < 1.5; rows round(3.33)=3 → 4
    [InlineData(4.0, 7, 3)]     // 0..20, remainder 2.239 > 2 → extra node at 24 km; rows round(2.5)=2 (half to even) → 3
    [InlineData(5.0, 5, 3)]     // 0..20, remainder 2.239 < 2.5; rows 2+1
    public void Mesh_counts_follow_OpenQuake(double spacing, int cols, int rows)
    {
        var m = new SimpleFaultGeometry([new GeoPoint(0, 0), new GeoPoint(0, 0.2)], 90, 0, 10).Mesh(spacing);
        Assert.Equal(cols, m.Cols);
        Assert.Equal(rows, m.Rows);
        Assert.Equal(spacing, m.SpacingKm);
        // columns are exactly one spacing apart along the trace; rows one spacing apart in depth (vertical fault)
        Assert.Equal(spacing, Geodesy.DistanceKm(m.Lon(0, 0), m.Lat(0, 0), m.Lon(0, 1), m.Lat(0, 1)), 6);
        Assert.Equal((rows - 1) * spacing, m.Depth(rows - 1, cols - 1), 9);
        Assert.Equal(0.0, m.Lon(rows - 1, 3), 9);
    }

    [Fact]
    public void Dipping_mesh_nodes_move_down_dip()
    {
        // dip 30°, 2-12 km, spacing 2: W = 10 / sin 30° = 20 km → 10 intervals, 11 rows, depth of row r = 2 + r·2·sin30° = 2 + r.
        // A node at depth z is (z − 0)/tan30° = 1.7320508·z km east of the trace (strike north → dips east).
        var m = new SimpleFaultGeometry([new GeoPoint(0, 0), new GeoPoint(0, 0.2)], 30, 2, 12).Mesh(2.0);
        Assert.Equal(11, m.Rows);
        for (var r = 0; r < m.Rows; r++)
        {
            Assert.Equal(2.0 + r, m.Depth(r, 2), 9);
            var east = Geodesy.DistanceKm(0, m.Lat(r, 2), m.Lon(r, 2), m.Lat(r, 2));
            Assert.Equal((2.0 + r) / Math.Tan(Math.PI / 6), east, 4);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Depth(11, 0));
    }

    [Fact]
    public void SubSurface_on_one_segment_is_the_patch_plane()
    {
        // vertical 0-10 km fault along the meridian, spacing 1: patch rows 2..6 (depth 2-6 km), columns 3..9 (3-9 km north).
        var m = new SimpleFaultGeometry([new GeoPoint(0, 0), new GeoPoint(0, 0.2)], 90, 0, 10).Mesh(1.0);
        var s = Assert.IsType<PlanarSurface>(m.SubSurface(2, 3, 5, 7));
        Assert.Equal(2.0, s.ZTor, 9);
        Assert.Equal(6.0, s.ZBottom, 9);
        Assert.Equal(6.0, s.Length, 4);
        Assert.Equal(4.0, s.Width, 6);
        Assert.Equal(m.Node(2, 3), s.TopLeft);
        Assert.Equal(m.Node(6, 9), s.BottomRight);
        // a site 3 km east of the trace at 6 km north: Rjb = 3, Rrup = √(3² + 2²) = 3.6056, Ry0 = 0
        var (lon, lat) = Geodesy.PointAt(0, 0, 0, 6.0);
        var (lon2, lat2) = Geodesy.PointAt(lon, lat, 90, 3.0);
        var d = Distances(s, (lon2, lat2), (lon, Geodesy.PointAt(0, 0, 0, 12.0).Lat));
        Assert.Equal(3.0, d.Rjb[0], 3);
        Assert.Equal(Math.Sqrt(13), d.Rrup[0], 2);
        // 12 km north on the trace: 3 km beyond the patch end → Ry0 = Rjb = 3, Rrup = √(3² + 2²)
        Assert.Equal(3.0, d.Ry0[1], 3);
        Assert.Equal(Math.Sqrt(13), d.Rrup[1], 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.SubSurface(8, 0, 4, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.SubSurface(0, 0, 1, 2));
    }

    [Fact]
    public void SubSurface_across_a_bend_follows_the_trace_vertex()
    {
        // A(0,0) → B(0,0.1) → C(0.1,0.1), vertical, 0-10 km, spacing 1 km. Columns 0..11 lie on AB (0..11 km); column 12 is where
        // the 1 km circle around (0, 11) meets BC: x = √(1 − 0.1195²) = 0.99284 km east of B.
        var f = new SimpleFaultGeometry([new GeoPoint(0, 0), new GeoPoint(0, 0.1), new GeoPoint(0.1, 0.1)], 90, 0, 10);
        var m = f.Mesh(1.0);
        var eastOfB = Geodesy.DistanceKm(0, 0.1, m.Lon(0, 12), m.Lat(0, 12));
        Assert.Equal(Math.Sqrt(1 - Math.Pow(L - 11, 2)), eastOfB, 3);
        var s = Assert.IsType<MultiPlanarSurface>(m.SubSurface(0, 5, 11, 10));
        Assert.Equal(2, s.Planes.Count);
        Assert.Equal(3, s.TopEdge.Count);
        Assert.Equal(0.0, s.TopEdge[1].Lon, 9);
        Assert.Equal(0.1, s.TopEdge[1].Lat, 9);
        var d = Distances(s, (0.0, 0.1), (0.0, 0.0));
        Assert.Equal(0.0, d.Rjb[0], 6);            // B is on the patch top edge
        Assert.Equal(5.0, d.Rjb[1], 3);            // A is 5 km before the patch start (column 5)
        // GC2 for A: segment 1 from column 5 to B, l1 = L − 5 = 6.119493, t1 = 0, u1 = −5 → w1 = l1/(u1(u1 − l1)) = 0.110069;
        // segment 2 from B to column 14, l2 = 0.99284 + 2 = 2.99284, t2 = L (A is south = right of east), u2 = 0
        //   → w2 = atan(l2/t2)/t2 = atan(0.269153)/11.119493 = 0.0236445;
        // U = (w1·(−5) + w2·(0 + l1))/(w1 + w2) = (−0.550345 + 0.144692)/0.133714 = −3.0337 → Ry0 = 3.0337 (GC2 is not the
        // along-trace distance near a bend).
        Assert.Equal(3.0337, d.Ry0[1], 2);
        // whole fault through ToSurface: 2 planes
        Assert.IsType<MultiPlanarSurface>(f.ToSurface());
    }

    [Fact]
    public void Rejects_bad_fault_data()
    {
        GeoPoint[] t = [new(0, 0), new(0, 0.2)];
        Assert.Throws<ArgumentException>(() => new SimpleFaultGeometry([new GeoPoint(0, 0)], 30, 0, 10));
        Assert.Throws<ArgumentException>(() => new SimpleFaultGeometry(t, 0, 0, 10));
        Assert.Throws<ArgumentException>(() => new SimpleFaultGeometry(t, 95, 0, 10));
        Assert.Throws<ArgumentException>(() => new SimpleFaultGeometry(t, 30, 10, 10));
        Assert.Throws<ArgumentException>(() => new SimpleFaultGeometry([new GeoPoint(0, 0, 1), new GeoPoint(0, 0.2, 1)], 30, 0, 10));
        Assert.Throws<ArgumentException>(() => new SimpleFaultGeometry([new GeoPoint(0, 0), new GeoPoint(0, 0.2, 2)], 30, 2, 10));
        // self-intersecting trace (a bow tie)
        Assert.Throws<ArgumentException>(() => new SimpleFaultGeometry([new(0, 0), new(0.1, 0.1), new(0.1, 0), new(0, 0.1)], 90, 0, 10));
        // spacing larger than the fault
        Assert.Throws<ArgumentException>(() => new SimpleFaultGeometry(t, 90, 0, 10).Mesh(50));
    }
}
