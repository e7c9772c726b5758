using QuakeGrid.Contracts.Events;
using QuakeGrid.Contracts.Stations;
using QuakeGrid.Core.Conditioning;

namespace QuakeGrid.Grains.Events;

/// <summary>
/// The between-event posterior of every IMT some station observed, from all the event's stations with Core's
/// <see cref="StationSystem"/> (Engler et al. 2022, eqs. B8–B9; ShakeMap 4.1 step 2): native data only, so H has one
/// component per IMT and its posterior is N(mu_H, Cov_H).
/// </summary>
public static class BetweenEventTerms
{
    /// <summary>Posteriors of the event IMTs with at least one observation, in the event's IMT order.</summary>
    public static BetweenEventPosterior[] Compute(EventModel model, IReadOnlyList<StationData> stations, string source)
    {
        var n = stations.Count;
        var imts = model.Imts;
        var m = imts.Length;
        double[][] Nan() { var a = new double[m][]; for (var k = 0; k < m; k++) { a[k] = new double[n]; Array.Fill(a[k], double.NaN); } return a; }
        var (lnObs, sig, med, tau, phi) = (Nan(), Nan(), Nan(), Nan(), Nan());
        var counts = new int[m];
        for (var s = 0; s < n; s++)
        {
            var d = stations[s];
            for (var a = 0; a < d.Imts.Length; a++)
            {
                var k = Array.FindIndex(imts, i => i.ToString() == d.Imts[a]);
                if (k < 0) continue;
                (lnObs[k][s], sig[k][s], med[k][s], tau[k][s], phi[k][s]) = (d.LnObserved[a], d.LnSigma[a], d.LnMedian[a], d.Tau[a], d.Phi[a]);
                counts[k]++;
            }
        }
        var cs = new ConditioningStations(EventModel.SitesOf(stations.Select(d => d.Point).ToArray()), imts, lnObs, sig, med, tau, phi,
            stations.Select(d => d.Id).ToArray(), source);
        var result = new List<BetweenEventPosterior>();
        for (var k = 0; k < m; k++)
        {
            if (counts[k] == 0) continue;
            var sys = StationSystem.Build(cs, model.Conditioning, imts[k]);
            result.Add(new BetweenEventPosterior(imts[k].ToString(), counts[k], sys.MuH[0], sys.CovH[0, 0], sys.NominalBias));
        }
        return result.ToArray();
    }
}
