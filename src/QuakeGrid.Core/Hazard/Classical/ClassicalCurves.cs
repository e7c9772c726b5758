using QuakeGrid.Core.IO.Job;

namespace QuakeGrid.Core.Hazard.Classical;

/// <summary>Hazard curves from the summed annual exceedance rates of all sites.</summary>
public static class ClassicalCurves
{
    /// <summary>
    /// PoE in the investigation time t per branch: 1 − exp(−λ t) (Poisson, <see cref="ClassicalCalculator.PoissonPoe"/>),
    /// then the weighted mean over the gsim branches (their logic-tree weights). <paramref name="ratesForAllSites"/> is
    /// <c>[branch][imt][site · nLevels + level]</c> (per year) over all job sites in job order.
    /// </summary>
    public static HazardCurveSet FromRates(ClassicalPlan plan, double[][][] ratesForAllSites)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(ratesForAllSites);
        if (ratesForAllSites.Length != plan.BranchCount) throw new ArgumentException($"rates for {ratesForAllSites.Length} branches, the job has {plan.BranchCount}");
        for (var b = 0; b < ratesForAllSites.Length; b++)
        {
            if (ratesForAllSites[b].Length != plan.Imtls.Count) throw new ArgumentException($"branch {b}: rates for {ratesForAllSites[b].Length} IMTs, the job has {plan.Imtls.Count}");
            for (var k = 0; k < plan.Imtls.Count; k++)
                if (ratesForAllSites[b][k].Length != plan.SiteCount * plan.Imtls[k].Levels.Length)
                    throw new ArgumentException($"branch {b}, IMT {plan.Imtls[k].Imt}: {ratesForAllSites[b][k].Length} rates, expected sites × levels = {plan.SiteCount * plan.Imtls[k].Levels.Length}");
        }
        return FromRates(plan.Job, plan.Setup, ratesForAllSites);
    }

    internal static HazardCurveSet FromRates(JobConfig job, HazardJobSetup setup, double[][][] rates)
    {
        var t = job.InvestigationTime;
        var poes = setup.WeightedMeanPoes(job, rates, rate => ClassicalCalculator.PoissonPoe(rate * t));
        return new HazardCurveSet(job.Sites, job.SiteDepths, job.Imtls, t, poes, job.Poes);
    }
}
