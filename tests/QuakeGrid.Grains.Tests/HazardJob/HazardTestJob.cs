using QuakeGrid.Client;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Core.IO.Job;

namespace QuakeGrid.Grains.Tests.HazardJob;

/// <summary>
/// The test job (<c>data/hazardjob/job.ini</c>: PEER Fault 1, BSSA14, JB2009, 36 sites, a few hundred events) and its
/// reference results from Core in this process: <c>EventBasedCalculator.Run</c>'s curves and the counts of one
/// tile holding every site over every rupture.
/// </summary>
public static class HazardTestJob
{
    public static string JobPath => Path.Combine(AppContext.BaseDirectory, "data", "hazardjob", "job.ini");

    public static JobBundle Bundle() => JobBundles.FromJobFile(JobPath);

    private static readonly Lazy<(EventBasedResult Result, long[][][] Counts, EventBasedPlan Plan)> Reference = new(() =>
    {
        var job = JobIniReader.Read(JobPath);
        // As the in-process CLI runs a job with JB2009: the Vecchia field sampler over the job's sites.
        var result = EventBasedCalculator.Run(job, fieldSampler: VecchiaFieldSampler.ForJob(job));
        var plan = EventBasedPlan.Prepare(job);
        var counts = EventBasedTile.Create(plan, Enumerable.Range(0, plan.SiteCount).ToArray()).Simulate(0, plan.RuptureCount).Counts;
        return (result, counts, plan);
    });

    public static EventBasedResult CoreResult => Reference.Value.Result;
    public static long[][][] CoreCounts => Reference.Value.Counts;
    public static EventBasedPlan CorePlan => Reference.Value.Plan;

    /// <summary>Values whose bits differ between two curve sets (PoEs and maps), after checking shapes and sites.</summary>
    public static int CountDifferences(HazardCurveSet a, HazardCurveSet b)
    {
        Assert.Equal(a.Sites.Count, b.Sites.Count);
        Assert.Equal(a.Imtls.Count, b.Imtls.Count);
        var diffs = 0;
        for (var i = 0; i < a.Sites.Count; i++)
            if (a.Sites.Lon[i] != b.Sites.Lon[i] || a.Sites.Lat[i] != b.Sites.Lat[i]) diffs++;
        for (var k = 0; k < a.Imtls.Count; k++)
        {
            Assert.Equal(a.Poes[k].Length, b.Poes[k].Length);
            for (var j = 0; j < a.Poes[k].Length; j++)
                if (BitConverter.DoubleToInt64Bits(a.Poes[k][j]) != BitConverter.DoubleToInt64Bits(b.Poes[k][j])) diffs++;
            for (var p = 0; p < a.MapPoes.Count; p++)
            for (var s = 0; s < a.Sites.Count; s++)
                if (BitConverter.DoubleToInt64Bits(a.Maps[k][p][s]) != BitConverter.DoubleToInt64Bits(b.Maps[k][p][s])) diffs++;
        }
        return diffs;
    }

    /// <summary>Counts that differ between two [branch][imt][site·level] arrays.</summary>
    public static int CountDifferences(long[][][] a, long[][][] b)
    {
        Assert.Equal(a.Length, b.Length);
        var diffs = 0;
        for (var br = 0; br < a.Length; br++)
        for (var k = 0; k < a[br].Length; k++)
        {
            Assert.Equal(a[br][k].Length, b[br][k].Length);
            for (var j = 0; j < a[br][k].Length; j++) if (a[br][k][j] != b[br][k][j]) diffs++;
        }
        return diffs;
    }

    public static long Total(long[][][] a) => a.Sum(b => b.Sum(k => k.Sum()));
}
