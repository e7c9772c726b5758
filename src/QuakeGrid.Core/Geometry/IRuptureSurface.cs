using QuakeGrid.Core.Sites;

namespace QuakeGrid.Core.Geometry;

/// <summary>
/// A rupture surface made of one or more planar quadrilaterals. Implementations compute distances for
/// whole site arrays at once, without allocating per site.
/// </summary>
public interface IRuptureSurface
{
    /// <summary>Strike of the (first) top edge, degrees clockwise from north.</summary>
    double Strike { get; }
    /// <summary>Dip, degrees from horizontal (0, 90].</summary>
    double Dip { get; }
    /// <summary>Depth to the top of rupture, km.</summary>
    double ZTor { get; }
    /// <summary>Down-dip width, km.</summary>
    double Width { get; }
    /// <summary>Top-edge trace points (surface projection), used for maps.</summary>
    IReadOnlyList<GeoPoint> TopEdge { get; }

    /// <summary>Fills Rjb, Rrup, Rx and Ry0 of <paramref name="into"/> for the given sites.</summary>
    void ComputeDistances(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, DistanceSet into);

    /// <summary>
    /// Fills Rjb and Rrup (km) only, bit-identical to those <see cref="ComputeDistances"/> gives for the same sites, without
    /// forming Rx and Ry0 (for GMMs that need neither). <paramref name="rjb"/> and <paramref name="rrup"/> have one entry per site.
    /// </summary>
    void ComputeRjbRrup(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, Span<double> rjb, Span<double> rrup);
}
