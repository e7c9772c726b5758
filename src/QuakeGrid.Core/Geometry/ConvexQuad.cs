using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuakeGrid.Core.Geometry;

/// <summary>
/// A convex quadrilateral in a 2-D Cartesian plane (km), prepared for fast squared-distance queries:
/// zero inside, otherwise the minimum over the four edges of the point-to-segment distance.
/// A degenerate quadrilateral (zero area, e.g. the surface projection of a vertical fault) has no inside,
/// so the distance is to its edges only.
/// </summary>
internal readonly struct ConvexQuad
{
    private readonly double _x0, _y0, _x1, _y1, _x2, _y2, _x3, _y3;
    private readonly double _ex0, _ey0, _ex1, _ey1, _ex2, _ey2, _ex3, _ey3;
    private readonly double _il0, _il1, _il2, _il3;
    private readonly double _orient; // +1 counter-clockwise, -1 clockwise, 0 degenerate

    /// <summary>Vertices in order around the boundary (either sense).</summary>
    public ConvexQuad(double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3)
    {
        _x0 = x0; _y0 = y0; _x1 = x1; _y1 = y1; _x2 = x2; _y2 = y2; _x3 = x3; _y3 = y3;
        _ex0 = x1 - x0; _ey0 = y1 - y0;
        _ex1 = x2 - x1; _ey1 = y2 - y1;
        _ex2 = x3 - x2; _ey2 = y3 - y2;
        _ex3 = x0 - x3; _ey3 = y0 - y3;
        _il0 = InvLen2(_ex0, _ey0); _il1 = InvLen2(_ex1, _ey1); _il2 = InvLen2(_ex2, _ey2); _il3 = InvLen2(_ex3, _ey3);
        var area2 = (x0 * y1 - x1 * y0) + (x1 * y2 - x2 * y1) + (x2 * y3 - x3 * y2) + (x3 * y0 - x0 * y3);
        var perimeter = Math.Sqrt(_ex0 * _ex0 + _ey0 * _ey0) + Math.Sqrt(_ex1 * _ex1 + _ey1 * _ey1)
                        + Math.Sqrt(_ex2 * _ex2 + _ey2 * _ey2) + Math.Sqrt(_ex3 * _ex3 + _ey3 * _ey3);
        // degenerate when the area is negligible against the perimeter (a sliver thinner than 1e-9 of its size)
        _orient = Math.Abs(area2) <= 1e-9 * perimeter * perimeter ? 0.0 : Math.Sign(area2);
    }

    private static double InvLen2(double ex, double ey)
    {
        var l2 = ex * ex + ey * ey;
        return l2 > 1e-24 ? 1.0 / l2 : 0.0;
    }

    /// <summary>Squared distance (km²) from (x, y) to the quadrilateral; 0 inside or on the boundary.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Distance2(double x, double y)
    {
        var dx0 = x - _x0; var dy0 = y - _y0;
        var dx1 = x - _x1; var dy1 = y - _y1;
        var dx2 = x - _x2; var dy2 = y - _y2;
        var dx3 = x - _x3; var dy3 = y - _y3;
        if (_orient != 0.0)
        {
            var c0 = (_ex0 * dy0 - _ey0 * dx0) * _orient;
            var c1 = (_ex1 * dy1 - _ey1 * dx1) * _orient;
            var c2 = (_ex2 * dy2 - _ey2 * dx2) * _orient;
            var c3 = (_ex3 * dy3 - _ey3 * dx3) * _orient;
            if (c0 >= 0 && c1 >= 0 && c2 >= 0 && c3 >= 0) return 0.0;
        }
        var d = Seg(dx0, dy0, _ex0, _ey0, _il0);
        d = Math.Min(d, Seg(dx1, dy1, _ex1, _ey1, _il1));
        d = Math.Min(d, Seg(dx2, dy2, _ex2, _ey2, _il2));
        return Math.Min(d, Seg(dx3, dy3, _ex3, _ey3, _il3));
    }

    /// <summary>Four-lane <see cref="Distance2(double, double)"/>, same arithmetic.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Distance2(Vector256<double> x, Vector256<double> y)
    {
        var dx0 = x - Vector256.Create(_x0); var dy0 = y - Vector256.Create(_y0);
        var dx1 = x - Vector256.Create(_x1); var dy1 = y - Vector256.Create(_y1);
        var dx2 = x - Vector256.Create(_x2); var dy2 = y - Vector256.Create(_y2);
        var dx3 = x - Vector256.Create(_x3); var dy3 = y - Vector256.Create(_y3);
        var d = SegV(dx0, dy0, _ex0, _ey0, _il0);
        d = Vector256.Min(d, SegV(dx1, dy1, _ex1, _ey1, _il1));
        d = Vector256.Min(d, SegV(dx2, dy2, _ex2, _ey2, _il2));
        d = Vector256.Min(d, SegV(dx3, dy3, _ex3, _ey3, _il3));
        if (_orient == 0.0) return d;
        var o = Vector256.Create(_orient);
        var zero = Vector256<double>.Zero;
        var inside = Vector256.GreaterThanOrEqual((Vector256.Create(_ex0) * dy0 - Vector256.Create(_ey0) * dx0) * o, zero)
                     & Vector256.GreaterThanOrEqual((Vector256.Create(_ex1) * dy1 - Vector256.Create(_ey1) * dx1) * o, zero)
                     & Vector256.GreaterThanOrEqual((Vector256.Create(_ex2) * dy2 - Vector256.Create(_ey2) * dx2) * o, zero)
                     & Vector256.GreaterThanOrEqual((Vector256.Create(_ex3) * dy3 - Vector256.Create(_ey3) * dx3) * o, zero);
        return Vector256.ConditionalSelect(inside, zero, d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SegV(Vector256<double> dx, Vector256<double> dy, double ex, double ey, double invLen2)
    {
        var vex = Vector256.Create(ex); var vey = Vector256.Create(ey);
        var t = Vector256.Min(Vector256.Max((dx * vex + dy * vey) * Vector256.Create(invLen2), Vector256<double>.Zero), Vector256<double>.One);
        var px = dx - t * vex;
        var py = dy - t * vey;
        return px * px + py * py;
    }

    /// <summary>Eight-lane <see cref="Distance2(double, double)"/>: per lane the same IEEE operations as the scalar and four-lane kernels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Distance2(Vector512<double> x, Vector512<double> y)
    {
        var dx0 = x - Vector512.Create(_x0); var dy0 = y - Vector512.Create(_y0);
        var dx1 = x - Vector512.Create(_x1); var dy1 = y - Vector512.Create(_y1);
        var dx2 = x - Vector512.Create(_x2); var dy2 = y - Vector512.Create(_y2);
        var dx3 = x - Vector512.Create(_x3); var dy3 = y - Vector512.Create(_y3);
        var d = SegV512(dx0, dy0, _ex0, _ey0, _il0);
        d = Vector512.Min(d, SegV512(dx1, dy1, _ex1, _ey1, _il1));
        d = Vector512.Min(d, SegV512(dx2, dy2, _ex2, _ey2, _il2));
        d = Vector512.Min(d, SegV512(dx3, dy3, _ex3, _ey3, _il3));
        if (_orient == 0.0) return d;
        var o = Vector512.Create(_orient);
        var zero = Vector512<double>.Zero;
        var inside = Vector512.GreaterThanOrEqual((Vector512.Create(_ex0) * dy0 - Vector512.Create(_ey0) * dx0) * o, zero)
                     & Vector512.GreaterThanOrEqual((Vector512.Create(_ex1) * dy1 - Vector512.Create(_ey1) * dx1) * o, zero)
                     & Vector512.GreaterThanOrEqual((Vector512.Create(_ex2) * dy2 - Vector512.Create(_ey2) * dx2) * o, zero)
                     & Vector512.GreaterThanOrEqual((Vector512.Create(_ex3) * dy3 - Vector512.Create(_ey3) * dx3) * o, zero);
        return Vector512.ConditionalSelect(inside, zero, d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> SegV512(Vector512<double> dx, Vector512<double> dy, double ex, double ey, double invLen2)
    {
        var vex = Vector512.Create(ex); var vey = Vector512.Create(ey);
        var t = Vector512.Min(Vector512.Max((dx * vex + dy * vey) * Vector512.Create(invLen2), Vector512<double>.Zero), Vector512<double>.One);
        var px = dx - t * vex;
        var py = dy - t * vey;
        return px * px + py * py;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Seg(double dx, double dy, double ex, double ey, double invLen2)
    {
        var t = Math.Clamp((dx * ex + dy * ey) * invLen2, 0.0, 1.0);
        var px = dx - t * ex;
        var py = dy - t * ey;
        return px * px + py * py;
    }
}
