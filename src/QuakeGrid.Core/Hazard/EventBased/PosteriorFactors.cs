using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.IO.Job;

namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// The correlation plan of a job with a <c>posterior:</c> correlation model: one <see cref="VecchiaStructure"/> over all
/// job sites (geometry only; by default m = 30 in the <see cref="VecchiaOrdering.LevelCell"/> order, nearest-neighbour
/// conditioning sets) and one kernel per posterior draw, the Bodenmann et al. (2023) model E kernel
/// ρ = exp(−(d/l_E)^γ_E) with d the great-circle distance between the sites (the paper's d_E from epicentral polar
/// coordinates is the same distance in an azimuthal equidistant projection about the epicentre; the site-to-site form
/// does not depend on the rupture, so one factor serves every event of a draw). No factor is built over all sites: each
/// tile computes the rows of its dependency closure for every draw (<see cref="VecchiaSubset.Create(VecchiaStructure, CorrelationSites, IReadOnlyList{ISpatialCorrelation}, ReadOnlySpan{int}, double, int)"/>),
/// bit-identical to the same rows of whole factors, so a silo pays only for its tiles. All draws share the conditioning
/// sets, so one sweep can mix events of different draws (<see cref="VecchiaSubset.SweepPerLane"/>).
/// Memory per tile: about 16·m bytes per closure row and draw (weights, and their factor-interleaved copy for the sweep).
/// <para>
/// Models EA and EAS (<see cref="EpicentreDependent"/>): kernel ρ_E·ρ_A or ρ_E·(w·ρ_A + (1 − w)·ρ_S) with d_E, d_A from
/// the epicentral distances and azimuths about each rupture's hypocentre (<see cref="BodenmannDistance.Epicentral"/>, the
/// paper's law-of-cosines d_E, as <c>quakegrid gmf</c> uses it) and d_S from the site model's Vs30. The same structure
/// (nearest earlier sites in the plane) conditions every (rupture, draw); the tile computes the rows of each rupture's
/// closure per draw (<see cref="EpicentreFactors"/>).
/// </para>
/// </summary>
internal sealed class PosteriorFactors
{
    private PosteriorFactors(VecchiaStructure structure, CorrelationSites sites, ISpatialCorrelation[] kernels, int maxParallelism)
    {
        Structure = structure;
        Sites = sites;
        Kernels = kernels;
        MaxDegreeOfParallelism = maxParallelism;
    }

    public VecchiaStructure Structure { get; }
    public CorrelationSites Sites { get; }
    /// <summary>Kernel of each draw.</summary>
    public ISpatialCorrelation[] Kernels { get; }
    public int MaxDegreeOfParallelism { get; }
    /// <summary>
    /// True for EA and EAS posteriors: the kernels depend on the rupture's epicentre, so the factor rows are computed per
    /// (rupture, draw) by each tile (<see cref="EpicentreFactors"/>), not once per draw.
    /// </summary>
    public bool EpicentreDependent { get; private init; }

    public static PosteriorFactors Build(JobConfig job, PosteriorCorrelation posterior, EventBasedOptions options)
    {
        var vecchia = options.Vecchia ?? new VecchiaOptions(Ordering: VecchiaOrdering.LevelCell);
        if (vecchia.Rule != NeighbourRule.Nearest)
            throw new ArgumentException("a posterior correlation plan needs the nearest-neighbour rule (one conditioning set shared by every draw)", nameof(options));
        var sites = CorrelationSiteBuilder.FromSites(job.Sites);
        var structure = VecchiaStructure.Build(sites.X, sites.Y, vecchia, options.MaxDegreeOfParallelism);
        var kernels = Enumerable.Range(0, posterior.Count)
            .Select(d => (ISpatialCorrelation)(posterior.Variant == BodenmannVariant.E
                ? new BodenmannCorrelation(BodenmannVariant.E, posterior.Kernel(d).Parameters, BodenmannDistance.Geodesic)
                : new BodenmannCorrelation(posterior.Variant, posterior.Kernel(d).Parameters, BodenmannDistance.Epicentral)))
            .ToArray();
        return new PosteriorFactors(structure, sites, kernels, options.MaxDegreeOfParallelism) { EpicentreDependent = posterior.Variant != BodenmannVariant.E };
    }

    /// <summary>
    /// The closure of <paramref name="sites"/> with one factor per draw (model E), or without factors when the kernels
    /// depend on the epicentre (EA/EAS: the rows are computed per rupture and draw).
    /// </summary>
    public VecchiaSubset Subset(ReadOnlySpan<int> sites) => EpicentreDependent
        ? VecchiaSubset.ForStructure(Structure, sites)
        : VecchiaSubset.Create(Structure, Sites, Kernels, sites, 0.0, MaxDegreeOfParallelism);
}
