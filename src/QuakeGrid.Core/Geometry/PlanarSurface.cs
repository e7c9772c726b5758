using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using QuakeGrid.Core.Sources.ScalingRelations;

namespace QuakeGrid.Core.Geometry;

/// <summary>
/// A planar rectangular rupture surface with horizontal top and bottom edges, given by its four corners in OpenQuake's
/// <c>planarSurface</c> convention: the strike is the azimuth topLeft → topRight and the plane dips to the right of it
/// (Aki &amp; Richards 1980), so the bottom edge lies on the right-hand side of the strike direction.
/// </summary>
/// <remarks>
/// Validation follows OpenQuake <c>PlanarSurface</c>: top corners at one depth and bottom corners at one depth (here within 1 m),
/// bottom deeper than top, top and bottom edge lengths equal within <see cref="ImperfectRectangleTolerance"/> × area
/// (OpenQuake IMPERFECT_RECTANGLE_TOLERANCE = 0.002), corners in order (bottom edge running the same way as the top edge).
/// Corners off one plane by more than that tolerance give a <see cref="PlanarityWarning"/> (OpenQuake logs a warning), by more
/// than a quarter of the smaller side an error. In addition the bottom edge must lie to the right of the strike.
/// Distances: see <see cref="ComputeDistances"/>.
/// </remarks>
public sealed class PlanarSurface : IRuptureSurface
{
    /// <summary>OpenQuake's imperfect-rectangle tolerance, as a fraction of the area (km² → km).</summary>
    public const double ImperfectRectangleTolerance = 0.002;
    private const double DepthTolerance = 1e-3;

    private readonly PlaneKernel _kernel;
    private readonly LocalProjection _projection;

    public PlanarSurface(GeoPoint topLeft, GeoPoint topRight, GeoPoint bottomRight, GeoPoint bottomLeft)
        : this(topLeft, topRight, bottomRight, bottomLeft, double.NaN, double.NaN)
    {
    }

    /// <summary>Corners plus, when finite, the nominal strike and dip to report (OpenQuake keeps the nodal plane's values for point ruptures).</summary>
    private PlanarSurface(GeoPoint topLeft, GeoPoint topRight, GeoPoint bottomRight, GeoPoint bottomLeft, double nominalStrike, double nominalDip)
    {
        foreach (var (p, name) in new[] { (topLeft, "topLeft"), (topRight, "topRight"), (bottomRight, "bottomRight"), (bottomLeft, "bottomLeft") })
        {
            if (!double.IsFinite(p.Lon) || !double.IsFinite(p.Lat) || !double.IsFinite(p.Depth) || p.Lat < -90 || p.Lat > 90)
                throw new ArgumentException($"planar surface corner {name} ({p.Lon}, {p.Lat}, {p.Depth}) is not a finite lon/lat/depth");
        }
        if (Math.Abs(topLeft.Depth - topRight.Depth) > DepthTolerance || Math.Abs(bottomLeft.Depth - bottomRight.Depth) > DepthTolerance)
            throw new ArgumentException($"planar surface: top and bottom edges must be horizontal (top depths {topLeft.Depth} and {topRight.Depth} km, bottom depths {bottomLeft.Depth} and {bottomRight.Depth} km)");
        if (!(bottomLeft.Depth > topLeft.Depth + 1e-6))
            throw new ArgumentException($"planar surface: the bottom edge (depth {bottomLeft.Depth} km) must be deeper than the top edge (depth {topLeft.Depth} km)");
        TopLeft = topLeft; TopRight = topRight; BottomRight = bottomRight; BottomLeft = bottomLeft;

        var (clon, clat) = Centre(topLeft, topRight, bottomRight, bottomLeft);
        _projection = new LocalProjection(clon, clat);
        _kernel = new PlaneKernel(_projection, topLeft, topRight, bottomRight, bottomLeft);

        var top = _kernel.TopEdgeSurfaceLengthKm;
        var bottom = _kernel.BottomEdgeSurfaceLengthKm;
        var vdiff = 0.5 * (bottomLeft.Depth + bottomRight.Depth) - 0.5 * (topLeft.Depth + topRight.Depth);
        var hoff = _kernel.BottomRightOffsetKm;
        Length = 0.5 * (top + Math.Abs(bottom));
        Width = Math.Sqrt(hoff * hoff + vdiff * vdiff);
        var tol = Math.Max(Length * Width * ImperfectRectangleTolerance, 1e-6);
        if (!(top > 0))
            throw new ArgumentException("planar surface: topLeft and topRight coincide");
        if (bottom < 0)
            throw new ArgumentException("planar surface: corners are in the wrong order (the bottom edge runs opposite to the top edge)");
        if (Math.Abs(top - bottom) > tol)
            throw new ArgumentException($"planar surface: top and bottom edges have different lengths ({top:F3} and {bottom:F3} km; tolerance {tol:F3} km)");
        OffPlaneKm = _kernel.MaxOffPlaneKm;
        // OpenQuake only logs a warning beyond its tolerance (real inputs, e.g. QA scenario case_21, exceed it); we expose the
        // warning and reject only corners that are grossly non-planar.
        if (OffPlaneKm > tol)
            PlanarityWarning = $"corner points do not lie on one plane: bottomRight is {OffPlaneKm:F3} km off the plane of the other corners (OpenQuake tolerance {tol:F3} km)";
        if (OffPlaneKm > 0.25 * Math.Min(Length, Width) && OffPlaneKm > tol)
            throw new ArgumentException($"planar surface: corner points do not lie on one plane (offset {OffPlaneKm:F3} km, more than a quarter of the smaller side)");
        if (hoff < -tol)
            throw new ArgumentException($"planar surface: the bottom edge lies {-hoff:F3} km to the LEFT of topLeft→topRight; corners must dip to the right of the strike (Aki-Richards)");
        Dip = double.IsFinite(nominalDip) ? nominalDip : Math.Atan2(vdiff, Math.Max(hoff, 0.0)) * 180.0 / Math.PI;

        Strike = double.IsFinite(nominalStrike) ? nominalStrike : Geodesy.AzimuthDeg(topLeft.Lon, topLeft.Lat, topRight.Lon, topRight.Lat);
        ZTor = Math.Min(topLeft.Depth, topRight.Depth);
        TopEdge = [topLeft, topRight];
    }

    /// <summary>Distance of the bottomRight corner from the plane through the other three, km (Rrup uses that plane, as OpenQuake).</summary>
    public double OffPlaneKm { get; }
    /// <summary>Set when <see cref="OffPlaneKm"/> exceeds OpenQuake's tolerance (OpenQuake logs this as a warning); null otherwise.</summary>
    public string? PlanarityWarning { get; }

    /// <summary>Top-left corner (start of the top edge), depth in km.</summary>
    public GeoPoint TopLeft { get; }
    /// <summary>Top-right corner (end of the top edge).</summary>
    public GeoPoint TopRight { get; }
    /// <summary>Bottom-right corner.</summary>
    public GeoPoint BottomRight { get; }
    /// <summary>Bottom-left corner.</summary>
    public GeoPoint BottomLeft { get; }

    /// <summary>Azimuth topLeft → topRight, degrees in [0, 360); for <see cref="ForPointRupture"/> the nodal plane's strike, as OpenQuake.</summary>
    public double Strike { get; }
    /// <summary>Dip, degrees in (0, 90]: atan(depth range / horizontal offset of the bottom edge perpendicular to the strike).</summary>
    public double Dip { get; }
    /// <summary>Depth of the top edge, km.</summary>
    public double ZTor { get; }
    /// <summary>Down-dip width, km: √(h² + Δz²) with h the horizontal offset of the bottom edge perpendicular to the strike and Δz the depth range
    /// (the flat-layer metric OpenQuake uses when it builds surfaces with <c>point_at</c>).</summary>
    public double Width { get; }
    /// <summary>Along-strike length, km: mean of the surface (great-circle) lengths of the top and bottom edges.</summary>
    public double Length { get; }
    /// <summary>Area = Length × Width, km².</summary>
    public double Area => Length * Width;
    /// <summary>Depth of the bottom edge, km.</summary>
    public double ZBottom => Math.Max(BottomLeft.Depth, BottomRight.Depth);
    /// <summary>The top edge: topLeft, topRight.</summary>
    public IReadOnlyList<GeoPoint> TopEdge { get; }
    /// <summary>Corners in OpenQuake order: topLeft, topRight, bottomRight, bottomLeft.</summary>
    public IReadOnlyList<GeoPoint> Corners => [TopLeft, TopRight, BottomRight, BottomLeft];

    /// <summary>
    /// Planar surface from a straight trace, dipping to the right of traceStart → traceEnd (Aki-Richards), between the upper and
    /// lower seismogenic depths, built as OpenQuake's simple fault surface: each trace point is moved horizontally by
    /// (depth − trace depth) / tan(dip) along azimuth strike + 90°, where strike is the azimuth traceStart → traceEnd.
    /// </summary>
    public static PlanarSurface FromTrace(GeoPoint traceStart, GeoPoint traceEnd, double dipDeg, double upperDepthKm, double lowerDepthKm)
    {
        CheckDip(dipDeg);
        if (!(lowerDepthKm > upperDepthKm)) throw new ArgumentException($"lower depth {lowerDepthKm} km must be greater than upper depth {upperDepthKm} km");
        if (upperDepthKm < traceStart.Depth) throw new ArgumentException($"upper depth {upperDepthKm} km must not be above the trace depth {traceStart.Depth} km");
        var strike = Geodesy.AzimuthDeg(traceStart.Lon, traceStart.Lat, traceEnd.Lon, traceEnd.Lat);
        var az = (strike + 90.0) % 360.0;
        var tanDip = Math.Tan(dipDeg * Math.PI / 180.0);
        var hTop = (upperDepthKm - traceStart.Depth) / tanDip;
        var hBot = (lowerDepthKm - traceStart.Depth) / tanDip;
        GeoPoint At(GeoPoint p, double h, double depth)
        {
            var (lo, la) = Geodesy.PointAt(p.Lon, p.Lat, az, h);
            return new GeoPoint(lo, la, depth);
        }
        return new PlanarSurface(At(traceStart, hTop, upperDepthKm), At(traceEnd, hTop, upperDepthKm),
            At(traceEnd, hBot, lowerDepthKm), At(traceStart, hBot, lowerDepthKm));
    }

    /// <summary>
    /// The planar surface OpenQuake's PointSource builds for one magnitude, nodal plane and hypocentre
    /// (<c>_get_rupture_dimensions</c> and <c>_get_rupture_surface</c> in <c>openquake.hazardlib.source.point</c>):
    /// area A from the scaling relation, length √(A·aspect), width A / length; if the width exceeds the seismogenic layer
    /// thickness / sin(dip), it is set to that and the length to A / width (area kept). The rupture is centred on the
    /// hypocentre, then shifted along the dip (up or down) just enough to lie inside the layer. The corners are placed from the
    /// centre along the diagonals of the surface projection, as OpenQuake does. Strike and Dip report the nodal plane's values, as OpenQuake.
    /// </summary>
    public static PlanarSurface ForPointRupture(GeoPoint hypocenter, double magnitude, double rake, double strikeDeg, double dipDeg,
        IMagnitudeScalingRelation msr, double aspectRatio, double upperSeismogenicDepth, double lowerSeismogenicDepth)
    {
        ArgumentNullException.ThrowIfNull(msr);
        CheckDip(dipDeg);
        if (!double.IsFinite(strikeDeg)) throw new ArgumentException($"strike {strikeDeg} must be finite");
        if (!(aspectRatio > 0) || !double.IsFinite(aspectRatio)) throw new ArgumentException($"rupture aspect ratio {aspectRatio} must be positive");
        if (!(lowerSeismogenicDepth > upperSeismogenicDepth)) throw new ArgumentException($"lower seismogenic depth {lowerSeismogenicDepth} km must be greater than upper {upperSeismogenicDepth} km");
        const double eps = 0.001; // OpenQuake's 1 m buffer
        if (!(hypocenter.Depth + eps > upperSeismogenicDepth && hypocenter.Depth < lowerSeismogenicDepth + eps))
            throw new ArgumentException($"hypocentre depth {hypocenter.Depth} km is outside the seismogenic layer [{upperSeismogenicDepth}, {lowerSeismogenicDepth}] km");

        var (length, width) = RuptureDimensions(msr, magnitude, rake, dipDeg, aspectRatio, upperSeismogenicDepth, lowerSeismogenicDepth);
        var rdip = dipDeg * Math.PI / 180.0;

        var azRight = ((strikeDeg % 360.0) + 360.0) % 360.0;
        var azDown = (azRight + 90) % 360;
        var azLeft = (azDown + 90) % 360;
        var azUp = (azLeft + 90) % 360;
        var projHeight = width * Math.Sin(rdip);
        var projWidth = width * Math.Cos(rdip);
        var hh = projHeight / 2.0;
        var vshift = upperSeismogenicDepth - hypocenter.Depth + hh;
        if (vshift < 0)
        {
            vshift = lowerSeismogenicDepth - hypocenter.Depth - hh;
            if (vshift > 0) vshift = 0;
        }
        var centre = hypocenter;
        if (vshift != 0)
        {
            var hshift = Math.Abs(vshift / Math.Tan(rdip));
            var (lo, la) = Geodesy.PointAt(centre.Lon, centre.Lat, vshift < 0 ? azUp : azDown, hshift);
            centre = new GeoPoint(lo, la, centre.Depth + vshift);
        }
        var theta = Math.Atan(projWidth / 2.0 / (length / 2.0)) * 180.0 / Math.PI;
        var hor = Math.Sqrt(length / 2.0 * (length / 2.0) + projWidth / 2.0 * (projWidth / 2.0));
        GeoPoint Corner(double az, double dz)
        {
            var (lo, la) = Geodesy.PointAt(centre.Lon, centre.Lat, ((az % 360) + 360) % 360, hor);
            return new GeoPoint(lo, la, centre.Depth + dz);
        }
        var tl = Corner(azRight + 180 + theta, -hh);
        var tr = Corner(azRight - theta, -hh);
        var bl = Corner(azRight + 180 - theta, hh);
        var br = Corner(azRight + theta, hh);
        return new PlanarSurface(tl, tr, br, bl, azRight, dipDeg);
    }

    /// <summary>
    /// Rupture length and width (km) as OpenQuake's <c>_get_rupture_dimensions</c>: area A from <paramref name="msr"/>, length
    /// √(A·aspect), width A / length; if the width exceeds (lower − upper) / sin(dip) it is set to that and the length to A / width.
    /// </summary>
    public static (double Length, double Width) RuptureDimensions(IMagnitudeScalingRelation msr, double magnitude, double rake,
        double dipDeg, double aspectRatio, double upperSeismogenicDepth, double lowerSeismogenicDepth)
    {
        ArgumentNullException.ThrowIfNull(msr);
        CheckDip(dipDeg);
        if (!(aspectRatio > 0) || !double.IsFinite(aspectRatio)) throw new ArgumentException($"rupture aspect ratio {aspectRatio} must be positive");
        if (!(lowerSeismogenicDepth > upperSeismogenicDepth)) throw new ArgumentException($"lower seismogenic depth {lowerSeismogenicDepth} km must be greater than upper {upperSeismogenicDepth} km");
        var area = msr.MedianArea(magnitude, rake);
        if (!(area > 0) || !double.IsFinite(area)) throw new ArgumentException($"{msr.Name} gave area {area} km² for M {magnitude}");
        var length = Math.Sqrt(area * aspectRatio);
        var width = area / length;
        var maxWidth = (lowerSeismogenicDepth - upperSeismogenicDepth) / Math.Sin(dipDeg * Math.PI / 180.0);
        if (width > maxWidth)
        {
            width = maxWidth;
            length = area / width;
        }
        return (length, width);
    }

    /// <summary>
    /// Fills Rjb, Rrup, Rx and Ry0 (km) of <paramref name="into"/> for the sites, in one pass with no allocation.
    /// Rrup is exact on the spherical Earth for the flat plane through the corners (3-D Cartesian, as OpenQuake; the plane is a chord,
    /// so over a length ℓ it lies up to ℓ²/(8R) below the nominal depth: 9 m for 22 km). Rjb, Rx and Ry0 are measured in the
    /// azimuthal-equidistant projection centred on the surface, exact for distances from the centre and within ≈ ρ²/6R² relative
    /// otherwise (1.6e-4 at 200 km; see <see cref="LocalProjection"/>). Against a brute-force spherical computation (a 22 km × 15 km
    /// plane dipping 45°, sites 50, 100 and 200 km away on 12 azimuths) the worst differences were &lt; 0.1 m for Rjb and 3.4, 1.5 and
    /// 0.6 m for Rrup. Four sites are processed per step with <see cref="System.Runtime.Intrinsics.Vector256"/> (≈ 15 ms CPU per 10⁶ sites
    /// on the development machine), with the scalar kernel for blocks farther than 0.25 rad from the surface.
    /// Rx: signed distance from the (extended) top edge, positive on the hanging-wall side (right of the strike); Ry0: distance
    /// along strike beyond the nearer end of the top edge, 0 between its ends.
    /// </summary>
    public void ComputeDistances(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, DistanceSet into)
        => SiteDistanceLoop.Run(_projection, new SiteKernel(_kernel), lon, lat, into);

    /// <summary>
    /// Rjb and Rrup (km) only, bit-identical to those of <see cref="ComputeDistances"/> (same operations; Rx and Ry0 are not
    /// formed). For hazard loops whose GMMs need no Rx/Ry0.
    /// </summary>
    public void ComputeRjbRrup(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, Span<double> rjb, Span<double> rrup)
        => SiteDistanceLoop.RunRjbRrup(_projection, new SiteKernel(_kernel), lon, lat, rjb, rrup);

    /// <summary>As <see cref="ComputeRjbRrup(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{double})"/> with SIMD steps of at most <paramref name="lanes"/> sites (8, 4 or 1): the same bits (tests).</summary>
    internal void ComputeRjbRrup(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, Span<double> rjb, Span<double> rrup, int lanes)
        => SiteDistanceLoop.RunRjbRrup(_projection, new SiteKernel(_kernel), lon, lat, rjb, rrup, lanes);

    /// <summary>Scalar reference path of <see cref="ComputeDistances"/> (used for blocks outside the series range and by tests).</summary>
    internal void ComputeDistancesScalar(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, DistanceSet into)
        => SiteDistanceLoop.RunScalar(_projection, new SiteKernel(_kernel), lon, lat, into);

    /// <summary>Rjb, Rrup and the top-edge coordinates of the one plane.</summary>
    private readonly struct SiteKernel(PlaneKernel k) : ISiteDistanceKernel
    {
        public double AlongStrikeLength => k.TopEdgeSurfaceLengthKm;

        public void Distances(double x, double y, double cx, double cy, double cz, out double rjb2, out double rrup2, out double t, out double u)
        {
            rjb2 = k.Rjb2(x, y);
            rrup2 = k.Rrup2(cx, cy, cz);
            t = k.TopEdgeT(x, y);
            u = k.TopEdgeU(x, y);
        }

        public void Distances(Vector256<double> x, Vector256<double> y, Vector256<double> cx, Vector256<double> cy, Vector256<double> cz,
            out Vector256<double> rjb2, out Vector256<double> rrup2, out Vector256<double> t, out Vector256<double> u)
        {
            rjb2 = k.Rjb2(x, y);
            rrup2 = k.Rrup2(cx, cy, cz);
            t = k.TopEdgeT(x, y);
            u = k.TopEdgeU(x, y);
        }

        public void RjbRrup(double x, double y, double cx, double cy, double cz, out double rjb2, out double rrup2)
        {
            rjb2 = k.Rjb2(x, y);
            rrup2 = k.Rrup2(cx, cy, cz);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void RjbRrup(Vector256<double> x, Vector256<double> y, Vector256<double> cx, Vector256<double> cy, Vector256<double> cz,
            out Vector256<double> rjb2, out Vector256<double> rrup2)
        {
            rjb2 = k.Rjb2(x, y);
            rrup2 = k.Rrup2(cx, cy, cz);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void RjbRrup(Vector512<double> x, Vector512<double> y, Vector512<double> cx, Vector512<double> cy, Vector512<double> cz,
            out Vector512<double> rjb2, out Vector512<double> rrup2)
        {
            rjb2 = k.Rjb2(x, y);
            rrup2 = k.Rrup2(cx, cy, cz);
        }
    }

    internal PlaneKernel KernelFor(LocalProjection projection) => new(projection, TopLeft, TopRight, BottomRight, BottomLeft);

    internal static void CheckDip(double dipDeg)
    {
        if (!(dipDeg > 0 && dipDeg <= 90)) throw new ArgumentException($"dip {dipDeg}° must be in (0, 90]");
    }

    /// <summary>Mean lon/lat of points (longitudes unwrapped relative to the first), degrees.</summary>
    internal static (double Lon, double Lat) Centre(params ReadOnlySpan<GeoPoint> pts)
    {
        var lon0 = pts[0].Lon;
        double sl = 0, sa = 0;
        foreach (var p in pts)
        {
            var dl = p.Lon - lon0;
            dl -= 360.0 * Math.Round(dl / 360.0);
            sl += dl;
            sa += p.Lat;
        }
        return (lon0 + sl / pts.Length, sa / pts.Length);
    }
}
