namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>Hazard curves from summed exceedance counts of all sites.</summary>
public static class EventBasedCurves
{
    /// <summary>
    /// PoE in the investigation time t per branch: 1 − exp(−count / n_ses) (the count over t · n_ses years, as a Poisson
    /// rate times t), then the weighted mean over gsim branches. <paramref name="countsForAllSites"/> is
    /// <c>[branch][imt][site · nLevels + level]</c> over all job sites in job order.
    /// </summary>
    public static HazardCurveSet FromCounts(EventBasedPlan plan, long[][][] countsForAllSites)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(countsForAllSites);
        var job = plan.Job;
        if (countsForAllSites.Length != plan.BranchCount) throw new ArgumentException($"counts for {countsForAllSites.Length} branches, the job has {plan.BranchCount}");
        for (var b = 0; b < countsForAllSites.Length; b++)
        {
            if (countsForAllSites[b].Length != plan.Imtls.Count) throw new ArgumentException($"branch {b}: counts for {countsForAllSites[b].Length} IMTs, the job has {plan.Imtls.Count}");
            for (var k = 0; k < plan.Imtls.Count; k++)
                if (countsForAllSites[b][k].Length != plan.SiteCount * plan.Imtls[k].Levels.Length)
                    throw new ArgumentException($"branch {b}, IMT {plan.Imtls[k].Imt}: {countsForAllSites[b][k].Length} counts, expected sites × levels = {plan.SiteCount * plan.Imtls[k].Levels.Length}");
        }
        var nSes = (double)job.SesPerLogicTreePath;
        var poes = plan.Setup.WeightedMeanPoes(job, countsForAllSites, count => ClassicalCalculator.PoissonPoe(count / nSes));
        return new HazardCurveSet(job.Sites, job.SiteDepths, job.Imtls, job.InvestigationTime, poes, job.Poes);
    }
}
