using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Hazard curves for every site and IMT: <see cref="Poes"/>[imt][site · nLevels + level] is the probability of
/// exceeding the level at least once in <see cref="InvestigationTime"/> years (weighted mean over the gsim branches),
/// and <see cref="Maps"/>[imt][poe][site] the hazard-map intensity at each requested PoE (g; cm/s for PGV).
/// </summary>
public sealed class HazardCurveSet
{
    public HazardCurveSet(SiteCollection sites, double[] siteDepths, IReadOnlyList<ImtLevels> imtls, double investigationTime,
        double[][] poes, IReadOnlyList<double> mapPoes)
    {
        Sites = sites; SiteDepths = siteDepths; Imtls = imtls; InvestigationTime = investigationTime; Poes = poes; MapPoes = mapPoes;
        Maps = new double[imtls.Count][][];
        for (var k = 0; k < imtls.Count; k++)
        {
            var levels = imtls[k].Levels;
            var nl = levels.Length;
            Maps[k] = new double[mapPoes.Count][];
            for (var p = 0; p < mapPoes.Count; p++)
            {
                var map = new double[sites.Count];
                for (var s = 0; s < sites.Count; s++)
                    map[s] = HazardMaps.ImlAtPoe(levels, poes[k].AsSpan(s * nl, nl), mapPoes[p]);
                Maps[k][p] = map;
            }
        }
    }

    public SiteCollection Sites { get; }
    public double[] SiteDepths { get; }
    public IReadOnlyList<ImtLevels> Imtls { get; }
    /// <summary>Years.</summary>
    public double InvestigationTime { get; }
    /// <summary>[imt][site · nLevels + level] probability of exceedance in the investigation time.</summary>
    public double[][] Poes { get; }
    /// <summary>Requested map PoEs (job <c>poes</c>).</summary>
    public IReadOnlyList<double> MapPoes { get; }
    /// <summary>[imt][poe][site] intensity at the PoE.</summary>
    public double[][][] Maps { get; }

    /// <summary>The curve of one site and IMT.</summary>
    public ReadOnlySpan<double> Curve(int imtIndex, int site)
    {
        var nl = Imtls[imtIndex].Levels.Length;
        return Poes[imtIndex].AsSpan(site * nl, nl);
    }
}
