using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuakeGrid.Core.Geometry;

/// <summary>
/// Generalized Coordinate System version 2 (GC2) of Spudich &amp; Chiou (2015, USGS Open-File Report 2015-1028), the convention
/// OpenQuake's multi-segment surfaces use for Rx and Ry0. For a polyline of segments i with origin o_i, unit strike vector s_i,
/// length l_i and cumulative start length S_i, a site has segment coordinates t_i (perpendicular, positive to the right of
/// the strike = hanging-wall side) and u_i (along strike). With weights
/// w_i = [atan((l_i − u_i)/t_i) − atan(−u_i/t_i)] / t_i (t_i ≠ 0), w_i = 1/(u_i − l_i) − 1/u_i (t_i = 0, off the segment),
/// T = Σ w_i t_i / Σ w_i and U = Σ w_i (u_i + S_i) / Σ w_i; a site on a segment has T = 0, U = u_i + S_i.
/// Here the atan difference is evaluated as atan2(l_i t_i, t_i² − u_i (l_i − u_i)), which is exact and stable as t_i → 0.
/// S_i is the summed length of the preceding segments (segments taken as one continuous polyline, in order).
/// Rx = T; Ry0 = max(0, −U, U − L) with L the total length.
/// </summary>
internal sealed class Gc2
{
    private readonly double[] _ox, _oy, _sx, _sy, _len, _cum;

    /// <summary>Segments in the plane of a <see cref="LocalProjection"/>: start (x0, y0) and end (x1, y1), km.</summary>
    public Gc2(IReadOnlyList<(double X0, double Y0, double X1, double Y1)> segments)
    {
        var n = segments.Count;
        _ox = new double[n]; _oy = new double[n]; _sx = new double[n]; _sy = new double[n]; _len = new double[n]; _cum = new double[n];
        var acc = 0.0;
        for (var i = 0; i < n; i++)
        {
            var (x0, y0, x1, y1) = segments[i];
            var l = Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
            _ox[i] = x0; _oy[i] = y0; _len[i] = l; _cum[i] = acc;
            if (l > 0) { _sx[i] = (x1 - x0) / l; _sy[i] = (y1 - y0) / l; }
            else { _sx[i] = 0; _sy[i] = 1; }
            acc += l;
        }
        TotalLength = acc;
        // a polyline whose segments continue one another in a straight line is one segment for GC2 (T and U exactly those of
        // the line from the first start to the last end); detect it so the weights need not be evaluated
        var straight = n > 0 && acc > 0;
        var (fx, fy, _, _) = n > 0 ? segments[0] : default;
        var (_, _, lx, ly) = n > 0 ? segments[n - 1] : default;
        var span = Math.Sqrt((lx - fx) * (lx - fx) + (ly - fy) * (ly - fy));
        if (straight && Math.Abs(span - acc) > 1e-6 * acc) straight = false;
        for (var i = 1; straight && i < n; i++)
        {
            var gap = Math.Sqrt((segments[i].X0 - segments[i - 1].X1) * (segments[i].X0 - segments[i - 1].X1) + (segments[i].Y0 - segments[i - 1].Y1) * (segments[i].Y0 - segments[i - 1].Y1));
            if (gap > 1e-6 * acc) straight = false;
        }
        IsStraight = straight;
        if (straight)
        {
            StraightX0 = fx; StraightY0 = fy; StraightSx = (lx - fx) / span; StraightSy = (ly - fy) / span;
        }
    }

    /// <summary>True when the segments form one straight, continuous line (then T and U are plain line coordinates).</summary>
    public bool IsStraight { get; }
    public double StraightX0 { get; }
    public double StraightY0 { get; }
    public double StraightSx { get; }
    public double StraightSy { get; }

    /// <summary>Total length of the polyline, km.</summary>
    public double TotalLength { get; }

    /// <summary>GC2 T (Rx) and U for a site at (x, y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Coordinates(double x, double y, out double t, out double u)
    {
        if (IsStraight)
        {
            var ddx = x - StraightX0; var ddy = y - StraightY0;
            t = ddx * StraightSy - ddy * StraightSx;
            u = ddx * StraightSx + ddy * StraightSy;
            return;
        }
        double sw = 0, swt = 0, swu = 0;
        for (var i = 0; i < _len.Length; i++)
        {
            var l = _len[i];
            if (l <= 0) continue;
            var dx = x - _ox[i]; var dy = y - _oy[i];
            var ti = dx * _sy[i] - dy * _sx[i];
            var ui = dx * _sx[i] + dy * _sy[i];
            double w;
            if (Math.Abs(ti) > 1e-9)
            {
                w = Math.Atan2(l * ti, ti * ti - ui * (l - ui)) / ti;
            }
            else if (ui < 0 || ui > l)
            {
                w = l / (ui * (ui - l));
            }
            else
            {
                // the site is on this segment
                t = 0.0;
                u = ui + _cum[i];
                return;
            }
            sw += w; swt += w * ti; swu += w * (ui + _cum[i]);
        }
        t = swt / sw;
        u = swu / sw;
    }

    /// <summary>Four-lane <c>Coordinates</c>: the same weights, with <see cref="Atan2"/> in place of Math.Atan2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Coordinates(Vector256<double> x, Vector256<double> y, out Vector256<double> t, out Vector256<double> u)
    {
        var zero = Vector256<double>.Zero;
        if (IsStraight)
        {
            var ddx = x - Vector256.Create(StraightX0); var ddy = y - Vector256.Create(StraightY0);
            var sx = Vector256.Create(StraightSx); var sy = Vector256.Create(StraightSy);
            t = ddx * sy - ddy * sx;
            u = ddx * sx + ddy * sy;
            return;
        }
        Vector256<double> sw = zero, swt = zero, swu = zero, onSeg = zero, uOn = zero;
        var eps = Vector256.Create(1e-9);
        for (var i = 0; i < _len.Length; i++)
        {
            var ls = _len[i];
            if (ls <= 0) continue;
            var l = Vector256.Create(ls);
            var cum = Vector256.Create(_cum[i]);
            var dx = x - Vector256.Create(_ox[i]); var dy = y - Vector256.Create(_oy[i]);
            var sx = Vector256.Create(_sx[i]); var sy = Vector256.Create(_sy[i]);
            var ti = dx * sy - dy * sx;
            var ui = dx * sx + dy * sy;
            var small = Vector256.LessThanOrEqual(Vector256.Abs(ti), eps);
            var w1 = Atan2(l * ti, ti * ti - ui * (l - ui)) / ti;
            var w0 = l / (ui * (ui - l));
            var inside = Vector256.GreaterThanOrEqual(ui, zero) & Vector256.LessThanOrEqual(ui, l);
            var onThis = small & inside;
            var w = Vector256.ConditionalSelect(onThis, zero, Vector256.ConditionalSelect(small, w0, w1));
            sw += w; swt += w * ti; swu += w * (ui + cum);
            var first = Vector256.AndNot(onThis, onSeg);
            uOn = Vector256.ConditionalSelect(first, ui + cum, uOn);
            onSeg |= onThis;
        }
        t = Vector256.ConditionalSelect(onSeg, zero, swt / sw);
        u = Vector256.ConditionalSelect(onSeg, uOn, swu / sw);
    }

    /// <summary>
    /// Four-lane atan2(y, x) in (−π, π], to double precision: the ratio min/max of |x|, |y| is halved twice in angle with
    /// atan a = 2 atan(a / (1 + √(1 + a²))) (to ≤ tan(π/16) = 0.199) and its Taylor series summed to the 21st power
    /// (truncation &lt; 1e-17), then the octant is restored.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Atan2(Vector256<double> y, Vector256<double> x)
    {
        var one = Vector256<double>.One;
        var ax = Vector256.Abs(x); var ay = Vector256.Abs(y);
        var mx = Vector256.Max(ax, ay); var mn = Vector256.Min(ax, ay);
        var a = Vector256.ConditionalSelect(Vector256.Equals(mx, Vector256<double>.Zero), Vector256<double>.Zero, mn / mx);
        var b = a / (one + Vector256.Sqrt(one + a * a));
        var c = b / (one + Vector256.Sqrt(one + b * b));
        var c2 = c * c;
        var p = Vector256.Create(-1.0 / 21);
        p = Vector256.Create(1.0 / 19) + c2 * p;
        p = Vector256.Create(-1.0 / 17) + c2 * p;
        p = Vector256.Create(1.0 / 15) + c2 * p;
        p = Vector256.Create(-1.0 / 13) + c2 * p;
        p = Vector256.Create(1.0 / 11) + c2 * p;
        p = Vector256.Create(-1.0 / 9) + c2 * p;
        p = Vector256.Create(1.0 / 7) + c2 * p;
        p = Vector256.Create(-1.0 / 5) + c2 * p;
        p = Vector256.Create(1.0 / 3) + c2 * p;
        var r = Vector256.Create(4.0) * (c - c * c2 * p);
        r = Vector256.ConditionalSelect(Vector256.GreaterThan(ay, ax), Vector256.Create(Math.PI / 2) - r, r);
        r = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<double>.Zero), Vector256.Create(Math.PI) - r, r);
        return Vector256.ConditionalSelect(Vector256.LessThan(y, Vector256<double>.Zero), -r, r);
    }
}
