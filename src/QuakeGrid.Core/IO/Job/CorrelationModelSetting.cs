using System.Globalization;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Job;

/// <summary>
/// Values of <c>ground_motion_correlation_model</c> (job.ini) and of <c>quakegrid hazard --correlation</c>:
/// <list type="bullet">
/// <item><c>JB2009</c>: Jayaram &amp; Baker (2009), its range set by each IMT's period;</item>
/// <item><c>posterior:&lt;posterior.csv&gt;[:R]</c>: the posterior draws of a Bodenmann et al. (2023) model E, EA or EAS fitted by
/// <c>quakegrid fit-correlation</c> (<see cref="PosteriorCorrelation"/>); each event of an event-based job uses one draw,
/// chosen from the event's seed, so the model's uncertainty is propagated. The file is thinned to at most R draws
/// (default <see cref="DefaultPosteriorDraws"/>) evenly spaced through it, a Monte Carlo representation of the posterior
/// with one Vecchia factor per draw. A relative path is relative to the job.ini (or, for <c>--correlation</c>, to the
/// current directory).</item>
/// </list>
/// Models E, EA and EAS are accepted. The EA and EAS kernels depend on each rupture's epicentre (azimuth term), so their
/// Vecchia rows are computed per (rupture, draw) in each tile instead of once per draw (<c>Hazard.EventBased.EpicentreFactors</c>):
/// much slower than E (see docs/benchmarks.md, "EA/EAS posteriors in hazard").
/// A posterior is fitted at one period; a job with several IMTs applies it to all of them (a warning says so).
/// </summary>
public static class CorrelationModelSetting
{
    /// <summary>Prefix of a posterior value.</summary>
    public const string PosteriorPrefix = "posterior:";

    /// <summary>Default largest number of posterior draws kept (R).</summary>
    public const int DefaultPosteriorDraws = 32;

    /// <summary>True when <paramref name="value"/> names a posterior file.</summary>
    public static bool IsPosterior(string value) => value.StartsWith(PosteriorPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the posterior named by <paramref name="value"/> (<c>posterior:&lt;file&gt;[:R]</c>, file relative to
    /// <paramref name="baseDir"/>) and thins it to R draws. Errors about the value name <paramref name="source"/>,
    /// <paramref name="record"/> and <paramref name="field"/>; errors inside the posterior file name that file, its line and column.
    /// With <paramref name="confineTo"/> the file must lie inside that folder (<see cref="JobFileConfinement"/>).
    /// </summary>
    public static PosteriorCorrelation ReadPosterior(string value, string baseDir, string source, string? record, string? field,
        string? confineTo = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsPosterior(value)) throw new ArgumentException($"'{value}' is not a posterior value", nameof(value));
        var rest = value[PosteriorPrefix.Length..].Trim();
        var draws = DefaultPosteriorDraws;
        var colon = rest.LastIndexOf(':');
        if (colon >= 0 && rest[(colon + 1)..].Trim() is { Length: > 0 } tail && tail.All(char.IsAsciiDigit))
        {
            if (!int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out draws) || draws < 1)
                throw new QuakeGridInputException(source, record, field, $"'{value}': the number of posterior draws R must be an integer of at least 1");
            rest = rest[..colon].Trim();
        }
        if (rest.Length == 0)
            throw new QuakeGridInputException(source, record, field, $"'{value}': give the posterior file, posterior:<posterior.csv>[:R]");
        var path = JobFileConfinement.Resolve(baseDir, rest, confineTo, source, record, field);
        if (!File.Exists(path))
            throw new QuakeGridInputException(source, record, field, $"posterior file '{path}' not found");
        var posterior = PosteriorCorrelation.Read(path);
        return posterior.Thin(draws);
    }

    /// <summary>
    /// <paramref name="job"/> with its correlation model replaced by <paramref name="value"/> (<c>JB2009</c> or a
    /// posterior; a relative posterior path is relative to the current directory), as <c>--correlation</c> sets it.
    /// </summary>
    public static JobConfig Override(JobConfig job, string value, string source = "--correlation")
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(value);
        value = value.Trim();
        if (value == "JB2009")
            return job with { GroundMotionCorrelationModel = value, CorrelationPosterior = null };
        if (!IsPosterior(value))
            throw new QuakeGridInputException(source, value, null, "unsupported correlation model (expected JB2009 or posterior:<posterior.csv>[:R])");
        var posterior = ReadPosterior(value, Directory.GetCurrentDirectory(), source, value, "correlation model");
        var warnings = job.Warnings
            .Where(w => !w.Contains(WarningMarker, StringComparison.Ordinal) && !w.Contains(Vs30WarningMarker, StringComparison.Ordinal))
            .ToList();
        warnings.AddRange(PosteriorWarnings(job, posterior));
        return job with { GroundMotionCorrelationModel = Describe(posterior), CorrelationPosterior = posterior, Warnings = warnings };
    }

    /// <summary>How a job's posterior model is shown: <c>posterior:&lt;full path&gt;:R</c>.</summary>
    public static string Describe(PosteriorCorrelation posterior) =>
        PosteriorPrefix + posterior.Source + ":" + posterior.Count.ToString(CultureInfo.InvariantCulture);

    private const string WarningMarker = "posterior fitted at one period";
    private const string Vs30WarningMarker = "EAS posterior on sites of varying Vs30";

    /// <summary>The warnings a posterior model gives for <paramref name="job"/>: several IMTs, and EAS on varying Vs30.</summary>
    internal static IEnumerable<string> PosteriorWarnings(JobConfig job, PosteriorCorrelation posterior)
    {
        if (MultiImtWarning(job, posterior) is { } multiImt) yield return multiImt;
        if (Vs30Warning(job, posterior) is { } vs30) yield return vs30;
    }

    /// <summary>
    /// The warning for an EAS posterior on a site model whose Vs30 is not uniform, or null: event-based hazard conditions
    /// each site on its 30 nearest earlier sites, which misses the soil term's correlation between distant sites of
    /// similar Vs30 (worst pairwise correlation error 0.36 on the Hayward sites, docs/benchmarks.md).
    /// </summary>
    internal static string? Vs30Warning(JobConfig job, PosteriorCorrelation posterior)
    {
        if (posterior.Variant != BodenmannVariant.EAS) return null;
        var vs30 = job.Sites.Vs30;
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in vs30) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        return vs30.Length == 0 || lo == hi
            ? null
            : $"{job.Path}: ground_motion_correlation_model: {Vs30WarningMarker} ({lo:0.#}–{hi:0.#} m/s): the event-based fields " +
              "condition each site on its 30 nearest earlier sites, which under-represents the Vs30 term's correlation between " +
              "distant sites of similar Vs30 (worst pairwise correlation error 0.36 on the Hayward sites; see docs/benchmarks.md, " +
              "'EA/EAS posteriors in hazard')";
    }

    /// <summary>The warning for a posterior applied to several IMTs, or null.</summary>
    internal static string? MultiImtWarning(JobConfig job, PosteriorCorrelation posterior) =>
        job.Imtls.Count <= 1
            ? null
            : $"{job.Path}: ground_motion_correlation_model: the {WarningMarker} ('{posterior.Source}') is applied to every IMT of the job " +
              $"({string.Join(", ", job.Imtls.Select(l => l.Imt.ToString()))}); fields of different IMTs stay independent";
}
