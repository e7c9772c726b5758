using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Tests.Geometry;

/// <summary>
/// Multi-plane surfaces: Rjb/Rrup = min over planes, Rx/Ry0 by GC2 (Spudich &amp; Chiou 2015), checked by hand.
/// L = 0.1° = 11.119493 km on the R = 6371 km sphere.
/// </summary>
public class MultiPlanarSurfaceTests
{
    private const double L = Math.PI * 6371.0 / 1800.0;

    private static DistanceSet Distances(IRuptureSurface s, params (double Lon, double Lat)[] sites)
    {
        var d = new DistanceSet(sites.Length);
        s.ComputeDistances(sites.Select(p => p.Lon).ToArray(), sites.Select(p => p.Lat).ToArray(), d);
        return d;
    }

    // L-shaped vertical fault, 0-10 km: A(0,0) → B(0,0.1) north, then B → C(0.1,0.1) east.
    private static MultiPlanarSurface LShape() => new([
        PlanarSurface.FromTrace(new GeoPoint(0, 0), new GeoPoint(0, 0.1), 90, 0, 10),
        PlanarSurface.FromTrace(new GeoPoint(0, 0.1), new GeoPoint(0.1, 0.1), 90, 0, 10)]);

    [Fact]
    public void L_shape_properties()
    {
        var s = LShape();
        Assert.Equal(45.0, s.Strike, 2);      // equal areas, strikes 0° and 90°: circular mean 45°
        Assert.Equal(90.0, s.Dip, 6);
        Assert.Equal(10.0, s.Width, 3);
        Assert.Equal(0.0, s.ZTor, 9);
        Assert.Equal(3, s.TopEdge.Count);     // A, B, C (B shared)
        Assert.Equal(2 * L, s.TopEdgeLength, 2);
    }

    [Fact]
    public void L_shape_GC2_by_hand()
    {
        var d = Distances(LShape(), (0.1, 0.0), (0.2, 0.1), (0.0, 0.05), (-0.05, 0.05));
        // Site P = (L, 0) in km from A. Segment 1 (strike N, right = E): t1 = L, u1 = 0, w1 = atan2(L·L, L² − 0)/L = (π/4)/L.
        // Segment 2 (strike E, right = S), from B: t2 = L, u2 = L, w2 = atan2(L·L, L² − L·0)/L = (π/4)/L.
        // T = (w1 L + w2 L)/(w1+w2) = L; U = (w1·0 + w2·(L + L))/(w1+w2) = L → Ry0 = 0. Rjb = L (to either segment).
        Assert.True(Math.Abs(d.Rx[0] - L) < 0.01, $"Rx {d.Rx[0]}");
        Assert.True(Math.Abs(d.Ry0[0]) < 0.01, $"Ry0 {d.Ry0[0]}");
        Assert.True(Math.Abs(d.Rjb[0] - L) < 0.01, $"Rjb {d.Rjb[0]}");
        // Site Q = (2L, L), beyond C on segment 2's line. Segment 1: t1 = 2L, u1 = L, w1 = atan2(2L², 4L²)/(2L) = atan(0.5)/(2L).
        // Segment 2: t2 = 0, u2 = 2L > l2 = L: w2 = 1/(u2 − l2) − 1/u2 = 1/(2L).
        // T = w1·2L/(w1+w2) = 2L·0.4636476/1.4636476 = 0.633548 L = 7.04475 km
        // U = (w1·L + w2·(2L + L))/(w1+w2) = L·(0.4636476 + 3)/1.4636476 = 2.366452 L → Ry0 = U − 2L = 0.366452 L = 4.07477 km
        Assert.True(Math.Abs(d.Rx[1] - 7.04475) < 0.01, $"Rx {d.Rx[1]}");
        Assert.True(Math.Abs(d.Ry0[1] - 4.07477) < 0.01, $"Ry0 {d.Ry0[1]}");
        Assert.True(Math.Abs(d.Rjb[1] - L) < 0.01, $"Rjb {d.Rjb[1]}");   // to C
        Assert.True(Math.Abs(d.Rrup[1] - L) < 0.03, $"Rrup {d.Rrup[1]}");
        // on the trace: all zero
        Assert.Equal(0.0, d.Rx[2], 5);
        Assert.Equal(0.0, d.Ry0[2], 5);
        Assert.Equal(0.0, d.Rjb[2], 5);
        // west of segment 1 (footwall side of the L): Rjb = L/2, Rx < 0
        Assert.True(Math.Abs(d.Rjb[3] - L / 2) < 0.01);
        Assert.True(d.Rx[3] < 0);
    }

    [Fact]
    public void Collinear_split_equals_single_plane()
    {
        // a 45°-dipping fault split in two at mid-length gives the same distances as the whole plane
        var whole = PlanarSurface.FromTrace(new GeoPoint(0, 0), new GeoPoint(0, 0.2), 45, 0, 10);
        var split = new MultiPlanarSurface([
            PlanarSurface.FromTrace(new GeoPoint(0, 0), new GeoPoint(0, 0.1), 45, 0, 10),
            PlanarSurface.FromTrace(new GeoPoint(0, 0.1), new GeoPoint(0, 0.2), 45, 0, 10)]);
        (double, double)[] sites = [(0.045, 0.1), (0.3, 0.05), (-0.1, 0.15), (0.04, 0.3), (0.1, -0.2), (1.5, 1.0), (0.0, 0.1)];
        var a = Distances(whole, sites);
        var b = Distances(split, sites);
        for (var i = 0; i < sites.Length; i++)
        {
            Assert.Equal(a.Rjb[i], b.Rjb[i], 3);
            // Rrup: the planes are flat chords of the curved Earth; a 22 km plane sags 11.1²/(2·6371) ≈ 0.01 km more than
            // two 11 km halves, so the two surfaces differ by up to ~0.01 km at depth.
            Assert.True(Math.Abs(a.Rrup[i] - b.Rrup[i]) < 0.012, $"site {i}: {a.Rrup[i]} vs {b.Rrup[i]}");
            Assert.Equal(a.Rx[i], b.Rx[i], 3);
            Assert.Equal(a.Ry0[i], b.Ry0[i], 3);
        }
        // and the hanging-wall hand case: 5 km east of the trace, Rrup = 5 sin 45° = 3.5355
        Assert.True(Math.Abs(b.Rrup[0] - 5 / Math.Sqrt(2)) < 0.03);
        Assert.Equal(0.0, b.Rjb[0]);
    }

    [Fact]
    public void Single_plane_multi_equals_the_plane()
    {
        var p = PlanarSurface.FromTrace(new GeoPoint(20, 38), new GeoPoint(20.3, 38.2), 60, 3, 15);
        var m = new MultiPlanarSurface([p]);
        (double, double)[] sites = [(20.1, 38.1), (19.5, 38.0), (21, 39), (20.4, 38.25)];
        var a = Distances(p, sites);
        var b = Distances(m, sites);
        for (var i = 0; i < sites.Length; i++)
        {
            Assert.Equal(a.Rjb[i], b.Rjb[i], 6);
            Assert.Equal(a.Rrup[i], b.Rrup[i], 6);
            Assert.Equal(a.Rx[i], b.Rx[i], 6);
            Assert.Equal(a.Ry0[i], b.Ry0[i], 6);
        }
        Assert.Equal(p.Strike, m.Strike, 9);
        Assert.Equal(p.Dip, m.Dip, 9);
    }
}

public class MultiPlanarSurfaceVectorPathTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Vector_path_equals_scalar_path(bool straight)
    {
        // straight: a 130 km trace split into 7 collinear planes (GC2 short-cut); bent: a 3-point trace (full GC2 weights)
        GeoPoint[] trace = straight
            ? [new(85.0, 27.3), new(83.8, 27.8)]
            : [new(85.0, 27.3), new(84.4, 27.4), new(83.8, 27.8)];
        var s = Assert.IsType<MultiPlanarSurface>(new SimpleFaultGeometry(trace, 30, 20, 50).ToSurface());
        var rnd = new System.Random(7);
        const int n = 2001;
        var lon = new double[n];
        var lat = new double[n];
        for (var i = 0; i < n; i++)
        {
            var far = i % 89 == 0;
            lon[i] = 84.4 + (rnd.NextDouble() - 0.5) * (far ? 40 : 5);
            lat[i] = 27.5 + (rnd.NextDouble() - 0.5) * (far ? 30 : 4);
        }
        var a = new DistanceSet(n);
        var b = new DistanceSet(n);
        s.ComputeDistances(lon, lat, a);
        s.ComputeDistancesScalar(lon, lat, b);
        DistanceSetAssert.Close(b, a);
    }

    [Fact]
    public void Straight_split_GC2_equals_the_full_weights()
    {
        // The straight-line short-cut must agree with the GC2 weight sums it replaces: compare with the same planes
        // listed with a zero-length gap check disabled by a 1 m sideways kink (then the weights are evaluated).
        var a = new MultiPlanarSurface([
            PlanarSurface.FromTrace(new GeoPoint(0, 0), new GeoPoint(0, 0.1), 90, 0, 10),
            PlanarSurface.FromTrace(new GeoPoint(0, 0.1), new GeoPoint(0, 0.2), 90, 0, 10)]);
        var b = new MultiPlanarSurface([
            PlanarSurface.FromTrace(new GeoPoint(0, 0), new GeoPoint(0.00001, 0.1), 90, 0, 10),
            PlanarSurface.FromTrace(new GeoPoint(0.00001, 0.1), new GeoPoint(0, 0.2), 90, 0, 10)]);
        double[] lon = [0.3, -0.2, 0.05, 0.0, 0.4];
        double[] lat = [0.1, 0.5, -0.3, 0.25, -0.1];
        var da = new DistanceSet(5);
        var db = new DistanceSet(5);
        a.ComputeDistancesScalar(lon, lat, da);
        b.ComputeDistancesScalar(lon, lat, db);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(da.Rx[i], db.Rx[i], 2);
            Assert.Equal(da.Ry0[i], db.Ry0[i], 2);
        }
    }
}

public class Gc2Atan2Tests
{
    [Fact]
    public void Vector_atan2_matches_Math_Atan2()
    {
        var rnd = new System.Random(99);
        var worst = 0.0;
        for (var k = 0; k < 20000; k++)
        {
            var ys = new double[4];
            var xs = new double[4];
            for (var j = 0; j < 4; j++)
            {
                var scale = Math.Pow(10, rnd.Next(-6, 6));
                ys[j] = (rnd.NextDouble() - 0.5) * scale;
                xs[j] = (rnd.NextDouble() - 0.5) * scale * (rnd.Next(3) == 0 ? 1e-3 : 1);
            }
            if (k == 0) { ys = [0, 1, -1, 0]; xs = [1, 0, 0, -1]; }
            var r = QuakeGrid.Core.Geometry.Gc2.Atan2(System.Runtime.Intrinsics.Vector256.Create(ys), System.Runtime.Intrinsics.Vector256.Create(xs));
            for (var j = 0; j < 4; j++)
                worst = Math.Max(worst, Math.Abs(r[j] - Math.Atan2(ys[j], xs[j])));
        }
        Assert.True(worst < 2e-15, $"worst {worst}");
    }
}
