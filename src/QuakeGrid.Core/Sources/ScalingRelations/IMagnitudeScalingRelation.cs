namespace QuakeGrid.Core.Sources.ScalingRelations;

/// <summary>Magnitude–area scaling relation: median rupture area (km²) for a magnitude and rake (degrees).</summary>
public interface IMagnitudeScalingRelation
{
    /// <summary>OpenQuake name, e.g. <c>WC1994</c>, <c>PeerMSR</c>, <c>PointMSR</c>.</summary>
    string Name { get; }

    /// <summary>Median rupture area, km².</summary>
    double MedianArea(double magnitude, double rake);
}
