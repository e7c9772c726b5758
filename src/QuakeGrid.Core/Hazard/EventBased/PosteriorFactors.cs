using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.IO.Job;

namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// The correlation plan of a job with a <c>posterior:</c> correlation model: one <see cref="VecchiaStructure"/> over all
/// job sites (geometry only; by default m = 30 in the <see cref="VecchiaOrdering.LevelCell"/> order, nearest-neighbour
/// conditioning sets) and one <see cref="VecchiaFactor"/> per posterior draw on it, for the Bodenmann et al. (2023)
/// model E kernel ρ = exp(−(d/l_E)^γ_E) with d the great-circle distance between the sites (the paper's d_E from
/// epicentral polar coordinates is the same distance in an azimuthal equidistant projection about the epicentre; the
/// site-to-site form does not depend on the rupture, so one factor serves every event of a draw). All draws share the
/// conditioning sets (distance-based), so a tile's dependency closure is the same for every draw and one sweep can
/// mix events of different draws (<see cref="VecchiaSubset.SweepPerLane"/>).
/// Memory: about 12·m bytes per site and draw (R = 32, m = 30: 11.5 kB per site).
/// </summary>
internal static class PosteriorFactors
{
    public static VecchiaFactor[] Build(JobConfig job, PosteriorCorrelation posterior, EventBasedOptions options)
    {
        if (posterior.Variant != BodenmannVariant.E)
            throw new ArgumentException($"event-based hazard needs a model E posterior, not {posterior.Variant}", nameof(posterior));
        var vecchia = options.Vecchia ?? new VecchiaOptions(Ordering: VecchiaOrdering.LevelCell);
        if (vecchia.Rule != NeighbourRule.Nearest)
            throw new ArgumentException("a posterior correlation plan needs the nearest-neighbour rule (one conditioning set shared by every draw)", nameof(options));
        var sites = CorrelationSiteBuilder.FromSites(job.Sites);
        var structure = VecchiaStructure.Build(sites.X, sites.Y, vecchia, options.MaxDegreeOfParallelism);
        var factors = new VecchiaFactor[posterior.Count];
        for (var d = 0; d < factors.Length; d++)
        {
            var kernel = new BodenmannCorrelation(BodenmannVariant.E, posterior.Kernel(d).Parameters, BodenmannDistance.Geodesic);
            factors[d] = VecchiaFactor.Compute(structure, sites, kernel, 0.0, options.MaxDegreeOfParallelism);
        }
        return factors;
    }
}
