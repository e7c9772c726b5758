using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Spatially correlated within-event fields for the event-based calculator from the correlation library: one
/// <see cref="VecchiaFactor"/> (Vecchia approximation, m nearest earlier neighbours in max-min order) per IMT over all
/// job sites, sampled with <see cref="VecchiaSampler"/>. The kernel is the job's <c>ground_motion_correlation_model</c>
/// (JB2009, with <c>vs30_clustering</c> from <c>ground_motion_correlation_params</c>).
/// </summary>
public sealed class VecchiaFieldSampler : IWithinEventFieldSampler
{
    private readonly VecchiaFactor[] _factors;

    private VecchiaFieldSampler(VecchiaFactor[] factors, int siteCount)
    {
        _factors = factors;
        SiteCount = siteCount;
    }

    /// <inheritdoc />
    public int SiteCount { get; }

    /// <summary>One factor per IMT of the job, all on one <see cref="VecchiaStructure"/>.</summary>
    public IReadOnlyList<VecchiaFactor> Factors => _factors;

    /// <summary>Builds the factors for <paramref name="sites"/> and each IMT with the kernel specification <paramref name="spec"/> (see <see cref="CorrelationFactory"/>).</summary>
    public static VecchiaFieldSampler Create(SiteCollection sites, IReadOnlyList<Imt> imts, string spec, VecchiaOptions? options = null, int maxParallelism = -1)
    {
        var csites = CorrelationSiteBuilder.FromSites(sites);
        var structure = VecchiaStructure.Build(csites.X, csites.Y, options, maxParallelism);
        var factors = imts.Select(imt => VecchiaFactor.Compute(structure, csites, CorrelationFactory.Parse(spec, imt), 0.0, maxParallelism)).ToArray();
        return new VecchiaFieldSampler(factors, sites.Count);
    }

    /// <summary>
    /// The sampler the job asks for, or null when it has no <c>ground_motion_correlation_model</c> or a <c>posterior:</c>
    /// one (its per-draw factors are built by <see cref="EventBased.EventBasedPlan.Prepare"/>). Default options: m = 30
    /// in the <see cref="VecchiaOrdering.LevelCell"/> order, whose dependency closures stay local, so that the event-based
    /// tiles (<see cref="EventBased.EventBasedTile"/>) sweep only near the sites they need.
    /// </summary>
    /// <remarks>Builds with at most <paramref name="maxParallelism"/> threads (−1: all).</remarks>
    public static VecchiaFieldSampler? ForJob(JobConfig job, VecchiaOptions? options = null, int maxParallelism = -1)
    {
        if (job.GroundMotionCorrelationModel is null || job.CorrelationPosterior is not null) return null;
        var spec = job.GroundMotionCorrelationModel + (job.Vs30Clustering ? ":vs30-clustering" : "");
        try
        {
            return Create(job.Sites, job.Imtls.Select(l => l.Imt).ToList(), spec, options ?? new VecchiaOptions(Ordering: VecchiaOrdering.LevelCell), maxParallelism);
        }
        catch (FormatException e)
        {
            throw new QuakeGridInputException(job.Path, null, "ground_motion_correlation_model", e.Message, e);
        }
    }

    /// <inheritdoc />
    public void Sample(int imtIndex, ReadOnlySpan<ulong> eventSeeds, double[] fields) =>
        VecchiaSampler.Sample(_factors[imtIndex], eventSeeds, fields, maxParallelism: 1);
}
