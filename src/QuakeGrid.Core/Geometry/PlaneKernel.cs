using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuakeGrid.Core.Geometry;

/// <summary>
/// One planar quadrilateral prepared, once, in the frame of a <see cref="LocalProjection"/>, so that the distances from a site
/// are a few dot products:
/// <list type="bullet">
/// <item>Rrup: the corners are placed in the exact spherical Cartesian frame of the projection centre (depth along the radius,
/// as OpenQuake's <c>spherical_to_cartesian</c>); the site is projected onto the plane through topLeft, topRight and bottomLeft
/// (OpenQuake <c>PlanarSurface._project</c>) and the in-plane distance to the quadrilateral is combined with the
/// distance to the plane.</item>
/// <item>Rjb: the distance, in the azimuthal-equidistant plane, to the quadrilateral of the surface projections of the corners.</item>
/// <item>Rx and Ry0 (via <c>TopEdgeT</c>/<c>TopEdgeU</c>): coordinates of the site relative to the top edge in the
/// azimuthal-equidistant plane: T perpendicular (positive to the right of topLeft→topRight, the hanging-wall side for the
/// Aki-Richards convention), U along strike from topLeft.</item>
/// </list>
/// </summary>
internal sealed class PlaneKernel
{
    private readonly double _ox, _oy, _oz;
    private readonly double _e1x, _e1y, _e1z;
    private readonly double _e2x, _e2y, _e2z;
    private readonly double _nx, _ny, _nz;
    private readonly ConvexQuad _inPlane;
    private readonly ConvexQuad _surface;
    private readonly double _tx, _ty, _sx, _sy;

    public PlaneKernel(LocalProjection proj, GeoPoint tl, GeoPoint tr, GeoPoint br, GeoPoint bl)
    {
        var ptl = proj.Cartesian(tl.Lon, tl.Lat, tl.Depth);
        var ptr = proj.Cartesian(tr.Lon, tr.Lat, tr.Depth);
        var pbr = proj.Cartesian(br.Lon, br.Lat, br.Depth);
        var pbl = proj.Cartesian(bl.Lon, bl.Lat, bl.Depth);
        (_ox, _oy, _oz) = ptl;
        (_e1x, _e1y, _e1z) = Normalize(ptr.X - ptl.X, ptr.Y - ptl.Y, ptr.Z - ptl.Z);
        // normal = (tl - tr) x (tl - bl), as OpenQuake
        var (ax, ay, az) = (ptl.X - ptr.X, ptl.Y - ptr.Y, ptl.Z - ptr.Z);
        var (bx, by, bz) = (ptl.X - pbl.X, ptl.Y - pbl.Y, ptl.Z - pbl.Z);
        (_nx, _ny, _nz) = Normalize(ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx);
        // e2 = normal x e1 (in the plane, perpendicular to the top edge)
        _e2x = _ny * _e1z - _nz * _e1y;
        _e2y = _nz * _e1x - _nx * _e1z;
        _e2z = _nx * _e1y - _ny * _e1x;

        InPlane(ptl, out var a0, out var b0, out var d0);
        InPlane(ptr, out var a1, out var b1, out var d1);
        InPlane(pbr, out var a2, out var b2, out var d2);
        InPlane(pbl, out var a3, out var b3, out var d3);
        _inPlane = new ConvexQuad(a0, b0, a1, b1, a2, b2, a3, b3);
        MaxOffPlaneKm = Math.Max(Math.Max(Math.Abs(d0), Math.Abs(d1)), Math.Max(Math.Abs(d2), Math.Abs(d3)));

        var (xtl, ytl) = proj.Project(tl.Lon, tl.Lat);
        var (xtr, ytr) = proj.Project(tr.Lon, tr.Lat);
        var (xbr, ybr) = proj.Project(br.Lon, br.Lat);
        var (xbl, ybl) = proj.Project(bl.Lon, bl.Lat);
        _surface = new ConvexQuad(xtl, ytl, xtr, ytr, xbr, ybr, xbl, ybl);
        _tx = xtl; _ty = ytl;
        var sl = Math.Sqrt((xtr - xtl) * (xtr - xtl) + (ytr - ytl) * (ytr - ytl));
        TopEdgeSurfaceLengthKm = sl;
        var bl2 = Math.Sqrt((xbr - xbl) * (xbr - xbl) + (ybr - ybl) * (ybr - ybl));
        // bottom edge length, signed by whether it runs the same way as the top edge
        BottomEdgeSurfaceLengthKm = (xbr - xbl) * (xtr - xtl) + (ybr - ybl) * (ytr - ytl) >= 0 ? bl2 : -bl2;
        if (sl > 0) { _sx = (xtr - xtl) / sl; _sy = (ytr - ytl) / sl; }
        else { _sx = 0; _sy = 1; }
        // horizontal offset of the bottom edge to the right of the strike (positive: dips to the right)
        BottomRightOffsetKm = 0.5 * (TopEdgeT(xbl, ybl) + TopEdgeT(xbr, ybr));
    }

    /// <summary>Largest distance of a corner from the plane through topLeft, topRight and bottomLeft, km.</summary>
    public double MaxOffPlaneKm { get; }
    /// <summary>Length of the top edge's surface projection, km.</summary>
    public double TopEdgeSurfaceLengthKm { get; }
    /// <summary>Length of the bottom edge's surface projection, km; negative when it runs opposite to the top edge.</summary>
    public double BottomEdgeSurfaceLengthKm { get; }
    /// <summary>Mean horizontal offset of the bottom corners to the right of the top edge, km.</summary>
    public double BottomRightOffsetKm { get; }

    private void InPlane((double X, double Y, double Z) p, out double a, out double b, out double d)
    {
        var vx = p.X - _ox; var vy = p.Y - _oy; var vz = p.Z - _oz;
        a = vx * _e1x + vy * _e1y + vz * _e1z;
        b = vx * _e2x + vy * _e2y + vz * _e2z;
        d = vx * _nx + vy * _ny + vz * _nz;
    }

    private static (double, double, double) Normalize(double x, double y, double z)
    {
        var l = Math.Sqrt(x * x + y * y + z * z);
        return l > 0 ? (x / l, y / l, z / l) : (0.0, 0.0, 0.0);
    }

    /// <summary>Squared Joyner-Boore distance from a site at azimuthal-equidistant (x, y), km².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Rjb2(double x, double y) => _surface.Distance2(x, y);

    /// <summary>Squared rupture distance from a site at Cartesian (X, Y, Z) in the projection centre's frame, km².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Rrup2(double px, double py, double pz)
    {
        var vx = px - _ox; var vy = py - _oy; var vz = pz - _oz;
        var a = vx * _e1x + vy * _e1y + vz * _e1z;
        var b = vx * _e2x + vy * _e2y + vz * _e2z;
        var d = vx * _nx + vy * _ny + vz * _nz;
        return d * d + _inPlane.Distance2(a, b);
    }

    /// <summary>Signed distance (km) of (x, y) from the top-edge line, positive to the right of the strike.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double TopEdgeT(double x, double y) => (x - _tx) * _sy - (y - _ty) * _sx;

    /// <summary>Distance (km) of (x, y) along the strike from the top-left corner.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double TopEdgeU(double x, double y) => (x - _tx) * _sx + (y - _ty) * _sy;

    /// <summary>Four-lane <see cref="Rjb2(double, double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Rjb2(Vector256<double> x, Vector256<double> y) => _surface.Distance2(x, y);

    /// <summary>Four-lane <see cref="Rrup2(double, double, double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Rrup2(Vector256<double> px, Vector256<double> py, Vector256<double> pz)
    {
        var vx = px - Vector256.Create(_ox); var vy = py - Vector256.Create(_oy); var vz = pz - Vector256.Create(_oz);
        var a = vx * Vector256.Create(_e1x) + vy * Vector256.Create(_e1y) + vz * Vector256.Create(_e1z);
        var b = vx * Vector256.Create(_e2x) + vy * Vector256.Create(_e2y) + vz * Vector256.Create(_e2z);
        var d = vx * Vector256.Create(_nx) + vy * Vector256.Create(_ny) + vz * Vector256.Create(_nz);
        return d * d + _inPlane.Distance2(a, b);
    }

    /// <summary>Eight-lane (per lane the operations of the scalar and four-lane kernels) <see cref="Rjb2(double, double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Rjb2(Vector512<double> x, Vector512<double> y) => _surface.Distance2(x, y);

    /// <summary>Eight-lane (per lane the operations of the scalar and four-lane kernels) <see cref="Rrup2(double, double, double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Rrup2(Vector512<double> px, Vector512<double> py, Vector512<double> pz)
    {
        var vx = px - Vector512.Create(_ox); var vy = py - Vector512.Create(_oy); var vz = pz - Vector512.Create(_oz);
        var a = vx * Vector512.Create(_e1x) + vy * Vector512.Create(_e1y) + vz * Vector512.Create(_e1z);
        var b = vx * Vector512.Create(_e2x) + vy * Vector512.Create(_e2y) + vz * Vector512.Create(_e2z);
        var d = vx * Vector512.Create(_nx) + vy * Vector512.Create(_ny) + vz * Vector512.Create(_nz);
        return d * d + _inPlane.Distance2(a, b);
    }

    /// <summary>Four-lane <see cref="TopEdgeT(double, double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> TopEdgeT(Vector256<double> x, Vector256<double> y) =>
        (x - Vector256.Create(_tx)) * Vector256.Create(_sy) - (y - Vector256.Create(_ty)) * Vector256.Create(_sx);

    /// <summary>Four-lane <see cref="TopEdgeU(double, double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> TopEdgeU(Vector256<double> x, Vector256<double> y) =>
        (x - Vector256.Create(_tx)) * Vector256.Create(_sx) + (y - Vector256.Create(_ty)) * Vector256.Create(_sy);
}
