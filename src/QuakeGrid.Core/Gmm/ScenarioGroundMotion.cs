using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Core.Gmm;

/// <summary>
/// Evaluates a ground-motion model for one rupture over a site collection: computes the site-to-rupture
/// distances once, then the ln median, Tau, Phi and Sigma for every requested IMT.
/// </summary>
public static class ScenarioGroundMotion
{
    /// <summary>Distances from every site to the rupture (km), including Repi and Rhypo.</summary>
    public static DistanceSet Distances(Rupture rupture, SiteCollection sites)
    {
        var d = new DistanceSet(sites.Count);
        rupture.Surface.ComputeDistances(sites.Lon, sites.Lat, d);
        var hypo = rupture.Hypocenter;
        for (var i = 0; i < sites.Count; i++)
        {
            var repi = Geodesy.DistanceKm(hypo.Lon, hypo.Lat, sites.Lon[i], sites.Lat[i]);
            d.Repi[i] = repi;
            d.Rhypo[i] = Math.Sqrt(repi * repi + hypo.Depth * hypo.Depth);
        }
        return d;
    }

    /// <summary>Evaluates <paramref name="model"/> for every IMT at every site.</summary>
    public static GmmResult Evaluate(IGroundMotionModel model, Rupture rupture, SiteCollection sites, IReadOnlyList<Imt> imts)
    {
        foreach (var imt in imts)
            if (!model.Supports(imt)) throw new ArgumentException($"{model.Name} does not support IMT {imt}");
        var d = Distances(rupture, sites);
        var n = sites.Count;
        var mag = new double[n];
        var rake = new double[n];
        Array.Fill(mag, rupture.Magnitude);
        Array.Fill(rake, rupture.Rake);
        var ctx = new GmmContext(mag, rake, d.Rjb, d.Rrup, sites.Vs30, sites.Z1pt0);
        var result = new GmmResult(imts, n);
        for (var k = 0; k < imts.Count; k++) model.Compute(ctx, imts[k], result.Output(k));
        return result;
    }
}
