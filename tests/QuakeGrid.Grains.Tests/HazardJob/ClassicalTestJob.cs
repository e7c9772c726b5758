using QuakeGrid.Client;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.Hazard.Classical;
using QuakeGrid.Core.IO.Job;

namespace QuakeGrid.Grains.Tests.HazardJob;

/// <summary>
/// The classical test job (<c>data/classical/job.ini</c>: PEER Fault 1 and a point source, BSSA14 0.6 + Sadigh 1997 0.4,
/// 36 sites, two IMTs) and its reference: Core's <see cref="ClassicalCalculator.Run"/> in this process.
/// </summary>
public static class ClassicalTestJob
{
    public const int Sites = 36;

    public static string JobPath => Path.Combine(AppContext.BaseDirectory, "data", "classical", "job.ini");

    public static JobBundle Bundle() => JobBundles.FromJobFile(JobPath);

    private static readonly Lazy<(HazardCurveSet Curves, ClassicalPlan Plan)> Reference = new(() =>
    {
        var job = JobIniReader.Read(JobPath);
        return (ClassicalCalculator.Run(job), ClassicalPlan.Prepare(job));
    });

    public static HazardCurveSet CoreCurves => Reference.Value.Curves;
    public static ClassicalPlan CorePlan => Reference.Value.Plan;

    /// <summary>Checks the reference is a real comparison: two sources, two branches, and curves far from 0 and 1.</summary>
    public static void CheckReferenceIsNonTrivial()
    {
        var plan = CorePlan;
        Assert.Equal(2, plan.SourceCount);
        Assert.Equal(2, plan.BranchCount);
        Assert.InRange(plan.RuptureCount, 50, 2000);
        var curves = CoreCurves;
        Assert.Equal(Sites, curves.Sites.Count);
        // Every site has hazard, with PoEs spread over several decades (not all 0, not all 1).
        for (var k = 0; k < curves.Imtls.Count; k++)
        {
            var p = curves.Poes[k];
            Assert.True(p.Count(v => v > 1e-4 && v < 0.9) > Sites * 3, $"IMT {k}: too few informative PoEs");
        }
    }
}
