using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Stations;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Prepares conditioning inputs from real data: evaluates the ground-motion model for the rupture at the stations
/// (for every observed IMT the model supports) and at the targets (<see cref="ScenarioGroundMotion"/>), takes ln of the
/// observations, and builds the correlation sites of both in one shared local projection (so planar kernels see one
/// coordinate system) with the epicentre for path-dependent kernels.
/// </summary>
public static class ConditioningInputs
{
    /// <summary>A projection centred on stations and targets together.</summary>
    public static LocalProjection SharedProjection(StationSet stations, SiteCollection targets)
        => LocalProjection.CentredOn(stations.Lon.Concat(targets.Lon).ToArray(), stations.Lat.Concat(targets.Lat).ToArray());

    /// <summary>
    /// Station residual inputs. IMTs the model does not support are left out and listed in <paramref name="skippedImts"/>.
    /// Every station needs a Vs30 (<see cref="StationSet.ToSiteCollection"/> throws naming the first without).
    /// </summary>
    public static ConditioningStations Stations(StationSet stations, IGroundMotionModel gmm, Rupture rupture,
        LocalProjection projection, out IReadOnlyList<Imt> skippedImts)
    {
        var sites = stations.ToSiteCollection();
        var imts = stations.Imts.Where(gmm.Supports).ToList();
        skippedImts = stations.Imts.Where(i => !gmm.Supports(i)).ToList();
        if (imts.Count == 0)
            throw new Validation.QuakeGridInputException(stations.Source, null, null, $"no observed IMT is supported by {gmm.Name}");
        var g = ScenarioGroundMotion.Evaluate(gmm, rupture, sites, imts);
        var lnObs = new double[imts.Count][];
        var sig = new double[imts.Count][];
        for (var k = 0; k < imts.Count; k++)
        {
            var src = stations.IndexOf(imts[k]);
            lnObs[k] = stations.Value[src].Select(v => double.IsNaN(v) ? double.NaN : Math.Log(v)).ToArray();
            sig[k] = stations.LnSigma[src].Select(s => double.IsNaN(s) ? 0.0 : s).ToArray();
        }
        var cs = CorrelationSiteBuilder.FromSites(sites, projection, rupture.Hypocenter);
        return new ConditioningStations(cs, imts, lnObs, sig, g.LnMedian, g.Tau, g.Phi, stations.Ids, stations.Source);
    }

    /// <summary>Target inputs for one IMT.</summary>
    public static ConditioningTargets Targets(SiteCollection targets, Imt imt, IGroundMotionModel gmm, Rupture rupture, LocalProjection projection)
    {
        var g = ScenarioGroundMotion.Evaluate(gmm, rupture, targets, new[] { imt });
        var cs = CorrelationSiteBuilder.FromSites(targets, projection, rupture.Hypocenter);
        return new ConditioningTargets(cs, imt, g.LnMedian[0], g.Tau[0], g.Phi[0]);
    }
}
