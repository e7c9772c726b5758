using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sources.Mfd;
using QuakeGrid.Core.Sources.ScalingRelations;

namespace QuakeGrid.Core.Sources;

/// <summary>
/// Area source (NRML <c>areaSource</c>): uniform seismicity inside a polygon, discretised into point sources spaced
/// <see cref="Discretization"/> km apart (or the job's <c>area_source_discretization</c> when null); the MFD rate is
/// divided equally among the points.
/// </summary>
public sealed class AreaSource : SeismicSource
{
    public AreaSource(string id, string name, string tectonicRegion, IMagnitudeFrequencyDistribution mfd,
        IMagnitudeScalingRelation msr, double ruptureAspectRatio, IReadOnlyList<GeoPoint> polygon,
        double upperSeismogenicDepth, double lowerSeismogenicDepth,
        IReadOnlyList<NodalPlane> nodalPlanes, IReadOnlyList<HypoDepth> hypoDepths, double? discretization)
        : base(id, name, tectonicRegion, mfd, msr, ruptureAspectRatio)
    {
        Polygon = polygon;
        UpperSeismogenicDepth = upperSeismogenicDepth;
        LowerSeismogenicDepth = lowerSeismogenicDepth;
        NodalPlanes = nodalPlanes;
        HypoDepths = hypoDepths;
        Discretization = discretization;
    }

    /// <summary>Polygon vertices (not closed: the last vertex differs from the first).</summary>
    public IReadOnlyList<GeoPoint> Polygon { get; }
    public double UpperSeismogenicDepth { get; }
    public double LowerSeismogenicDepth { get; }
    public IReadOnlyList<NodalPlane> NodalPlanes { get; }
    public IReadOnlyList<HypoDepth> HypoDepths { get; }
    /// <summary>Per-source discretisation spacing from the NRML, km; null to use the job's value.</summary>
    public double? Discretization { get; }
}
