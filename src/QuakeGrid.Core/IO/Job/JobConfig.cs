using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Core.IO.Job;

/// <summary>Which calculation a job asks for.</summary>
public enum CalculationMode
{
    /// <summary>Classical (numerical integration) PSHA.</summary>
    Classical,
    /// <summary>Event-based (Monte Carlo) PSHA.</summary>
    EventBased,
}

/// <summary>How the lognormal ground-motion distribution is truncated.</summary>
public enum TruncationTail
{
    /// <summary>Two-sided at ±n sigma and renormalised, as OpenQuake.</summary>
    TwoSided,
    /// <summary>Upper tail only at +n sigma and renormalised (PEER 2018 cases 8b/8c, nshmp-haz TRUNCATION_UPPER_ONLY).</summary>
    UpperOnly,
}

/// <summary>One IMT and its intensity levels (g; cm/s for PGV), increasing.</summary>
public sealed record ImtLevels(Imt Imt, double[] Levels);

/// <summary>
/// A hazard job read from an OpenQuake <c>job.ini</c>, with its logic trees resolved. Distances and spacings in km,
/// times in years. <see cref="TruncationLevel"/> null means the ground-motion distribution is not truncated.
/// </summary>
public sealed record JobConfig
{
    /// <summary>Full path of the job.ini.</summary>
    public required string Path { get; init; }
    public string Description { get; init; } = "";
    public required CalculationMode Mode { get; init; }
    /// <summary>Investigation time, years.</summary>
    public required double InvestigationTime { get; init; }
    public required IReadOnlyList<ImtLevels> Imtls { get; init; }
    /// <summary>Truncation level in sigma; null = untruncated; 0 = step function at the median.</summary>
    public double? TruncationLevel { get; init; }
    public TruncationTail TruncationTail { get; init; } = TruncationTail.TwoSided;
    /// <summary>Maximum source-to-site distance (Rrup), km.</summary>
    public double MaximumDistance { get; init; } = 300.0;
    public int SesPerLogicTreePath { get; init; } = 1;
    public long RandomSeed { get; init; } = 42;
    /// <summary>OpenQuake <c>ses_seed</c> (seed of rupture occurrences in event-based); defaults to <see cref="RandomSeed"/>.</summary>
    public long SesSeed { get; init; } = 42;
    public required SiteCollection Sites { get; init; }
    /// <summary>Site depths, km (positive down; negative = above sea level), as given in <c>sites</c>; zeros otherwise.</summary>
    public required double[] SiteDepths { get; init; }
    /// <summary>Full path of the source model file (from the source model logic tree).</summary>
    public required string SourceModelPath { get; init; }
    public required IReadOnlyList<GsimBranch> GsimBranches { get; init; }
    /// <summary>Area source discretisation, km (null when not given; each area source then needs its own).</summary>
    public double? AreaSourceDiscretization { get; init; }
    /// <summary>Rupture mesh spacing, km.</summary>
    public double RuptureMeshSpacing { get; init; } = 5.0;
    /// <summary>Width of truncated Gutenberg–Richter magnitude bins.</summary>
    public double WidthOfMfdBin { get; init; } = 0.1;
    /// <summary>Ruptures below this magnitude are discarded (OpenQuake <c>minimum_magnitude</c>); 0 = keep all.</summary>
    public double MinimumMagnitude { get; init; }
    /// <summary>Probabilities of exceedance in the investigation time for hazard maps.</summary>
    public IReadOnlyList<double> Poes { get; init; } = [];
    /// <summary>Spatial correlation model (<c>JB2009</c>, or <c>posterior:&lt;full path&gt;:R</c>), null for none.</summary>
    public string? GroundMotionCorrelationModel { get; init; }
    /// <summary>
    /// The posterior draws of a <c>posterior:</c> correlation model (<see cref="CorrelationModelSetting"/>), already thinned
    /// to R draws; null otherwise.
    /// </summary>
    public Correlation.PosteriorCorrelation? CorrelationPosterior { get; init; }
    /// <summary>JB2009 <c>vs30_clustering</c> parameter from <c>ground_motion_correlation_params</c>.</summary>
    public bool Vs30Clustering { get; init; }
    /// <summary>Warnings collected while reading (unknown keys, ignored settings).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
