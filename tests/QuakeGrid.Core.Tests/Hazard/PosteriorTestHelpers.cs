using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Core.Tests.Hazard;

/// <summary>Helpers shared by the posterior event-based tests (model E and the epicentre-dependent EA/EAS).</summary>
internal static class PosteriorTestHelpers
{
    /// <summary>
    /// The PEER fault 1 job (BSSA14) on a grid of <paramref name="columns"/> × <paramref name="rows"/> sites 0.02° apart
    /// (Vs30 300–700 m/s, 40 m/s steps), maximum distance 12 km, with the posterior <paramref name="posteriorValue"/>
    /// (<c>path[:R]</c>) as its correlation model.
    /// </summary>
    public static JobConfig PosteriorGridJob(string posteriorValue, int columns, int rows, int years)
    {
        var job = JobIniReader.Read(HazardTestData.Data("peer", "fault1_bssa14_jb2009", "job.ini"));
        var n = columns * rows;
        var lon = new double[n];
        var lat = new double[n];
        for (var j = 0; j < rows; j++)
            for (var i = 0; i < columns; i++)
            {
                lon[j * columns + i] = -122.14 + 0.02 * i;
                lat[j * columns + i] = 37.94 + 0.02 * j;
            }
        var post = CorrelationModelSetting.ReadPosterior("posterior:" + posteriorValue, "/", "test", null, null);
        return job with
        {
            Sites = new SiteCollection(lon, lat, Enumerable.Range(0, n).Select(s => 300.0 + 40 * (s % 11)).ToArray()),
            SiteDepths = new double[n],
            SesPerLogicTreePath = years,
            MaximumDistance = 12.0,
            GroundMotionCorrelationModel = CorrelationModelSetting.Describe(post),
            CorrelationPosterior = post,
        };
    }

    /// <summary>Pearson correlation of two equally long samples.</summary>
    public static double PearsonCorrelation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average(), saa = 0, sbb = 0, sab = 0;
        for (var i = 0; i < a.Length; i++)
        {
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
            sab += (a[i] - ma) * (b[i] - mb);
        }
        return sab / Math.Sqrt(saa * sbb);
    }

    /// <summary>
    /// Exceedance counts of the whole job summed over <paramref name="tiles"/> (global site lists), each simulated in the
    /// rupture batches [batchEdges[t], batchEdges[t + 1]): <c>[branch][imt][site · levels + l]</c>.
    /// </summary>
    public static long[][][] Tiled(EventBasedPlan plan, IEnumerable<int[]> tiles, int[] batchEdges)
    {
        var all = new long[plan.BranchCount][][];
        for (var b = 0; b < all.Length; b++) all[b] = plan.Imtls.Select(l => new long[plan.SiteCount * l.Levels.Length]).ToArray();
        foreach (var sites in tiles)
        {
            var tile = EventBasedTile.Create(plan, sites);
            for (var t = 0; t + 1 < batchEdges.Length; t++)
            {
                var c = tile.Simulate(batchEdges[t], batchEdges[t + 1] - batchEdges[t]);
                for (var b = 0; b < all.Length; b++)
                for (var k = 0; k < plan.Imtls.Count; k++)
                {
                    var nl = plan.Imtls[k].Levels.Length;
                    for (var i = 0; i < sites.Length; i++)
                        for (var l = 0; l < nl; l++) all[b][k][sites[i] * nl + l] += c.Counts[b][k][i * nl + l];
                }
            }
        }
        return all;
    }
}
