namespace QuakeGrid.Core.Sources.ScalingRelations;

/// <summary>
/// The PEER PSHA verification tests' scaling relation (Thomas et al. 2010, PEER Report 2010/106), OpenQuake <c>PeerMSR</c>:
/// log10 A = M − 4 (A in km²), independent of rake.
/// </summary>
public sealed class PeerMsr : IMagnitudeScalingRelation
{
    public string Name => "PeerMSR";

    public double MedianArea(double magnitude, double rake) => Math.Pow(10.0, magnitude - 4.0);
}
