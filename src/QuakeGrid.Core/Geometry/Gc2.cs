using System.Runtime.CompilerServices;

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
    }

    /// <summary>Total length of the polyline, km.</summary>
    public double TotalLength { get; }

    /// <summary>GC2 T (Rx) and U for a site at (x, y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Coordinates(double x, double y, out double t, out double u)
    {
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
}
