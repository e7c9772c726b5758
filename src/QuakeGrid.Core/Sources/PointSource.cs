using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sources.Mfd;
using QuakeGrid.Core.Sources.ScalingRelations;

namespace QuakeGrid.Core.Sources;

/// <summary>
/// Point source (NRML <c>pointSource</c>): an epicentre, seismogenic depth limits (km), nodal-plane and
/// hypocentral-depth distributions. Each magnitude × plane × depth gives one planar rupture.
/// </summary>
public sealed class PointSource : SeismicSource
{
    public PointSource(string id, string name, string tectonicRegion, IMagnitudeFrequencyDistribution mfd,
        IMagnitudeScalingRelation msr, double ruptureAspectRatio, GeoPoint location,
        double upperSeismogenicDepth, double lowerSeismogenicDepth,
        IReadOnlyList<NodalPlane> nodalPlanes, IReadOnlyList<HypoDepth> hypoDepths)
        : base(id, name, tectonicRegion, mfd, msr, ruptureAspectRatio)
    {
        Location = location;
        UpperSeismogenicDepth = upperSeismogenicDepth;
        LowerSeismogenicDepth = lowerSeismogenicDepth;
        NodalPlanes = nodalPlanes;
        HypoDepths = hypoDepths;
    }

    public GeoPoint Location { get; }
    public double UpperSeismogenicDepth { get; }
    public double LowerSeismogenicDepth { get; }
    public IReadOnlyList<NodalPlane> NodalPlanes { get; }
    public IReadOnlyList<HypoDepth> HypoDepths { get; }
}
