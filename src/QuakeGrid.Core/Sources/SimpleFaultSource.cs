using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sources.Mfd;
using QuakeGrid.Core.Sources.ScalingRelations;

namespace QuakeGrid.Core.Sources;

/// <summary>
/// Simple fault source (NRML <c>simpleFaultSource</c>): a surface trace, dip (degrees), rake (degrees) and
/// seismogenic depth limits (km). Ruptures float along strike and down dip within the fault's edges.
/// </summary>
public sealed class SimpleFaultSource : SeismicSource
{
    public SimpleFaultSource(string id, string name, string tectonicRegion, IMagnitudeFrequencyDistribution mfd,
        IMagnitudeScalingRelation msr, double ruptureAspectRatio, IReadOnlyList<GeoPoint> trace,
        double dip, double rake, double upperSeismogenicDepth, double lowerSeismogenicDepth)
        : base(id, name, tectonicRegion, mfd, msr, ruptureAspectRatio)
    {
        Trace = trace; Dip = dip; Rake = rake;
        UpperSeismogenicDepth = upperSeismogenicDepth;
        LowerSeismogenicDepth = lowerSeismogenicDepth;
    }

    public IReadOnlyList<GeoPoint> Trace { get; }
    public double Dip { get; }
    public double Rake { get; }
    public double UpperSeismogenicDepth { get; }
    public double LowerSeismogenicDepth { get; }
}
