using QuakeGrid.Core.Sources.Mfd;
using QuakeGrid.Core.Sources.ScalingRelations;

namespace QuakeGrid.Core.Sources;

/// <summary>
/// Common data of a parametric seismic source (OpenQuake <c>ParametricSeismicSource</c>): id, name, tectonic region,
/// magnitude–frequency distribution, magnitude–area scaling relation and rupture aspect ratio (length/width).
/// </summary>
public abstract class SeismicSource
{
    protected SeismicSource(string id, string name, string tectonicRegion, IMagnitudeFrequencyDistribution mfd,
        IMagnitudeScalingRelation msr, double ruptureAspectRatio)
    {
        Id = id; Name = name; TectonicRegion = tectonicRegion; Mfd = mfd; Msr = msr; RuptureAspectRatio = ruptureAspectRatio;
    }

    public string Id { get; }
    public string Name { get; }
    public string TectonicRegion { get; }
    public IMagnitudeFrequencyDistribution Mfd { get; }
    public IMagnitudeScalingRelation Msr { get; }
    /// <summary>Rupture length / width.</summary>
    public double RuptureAspectRatio { get; }
}
