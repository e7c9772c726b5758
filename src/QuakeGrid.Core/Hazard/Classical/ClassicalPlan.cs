using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Sources;
using QuakeGrid.Core.Sources.Ruptures;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Hazard.Classical;

/// <summary>
/// Everything a process needs to compute any tile of one classical job: the validated setup (source model, rupture
/// settings, one GMM per gsim branch, ln levels, site depths) and every rupture of every source, in source then rupture
/// order (<see cref="Ruptures"/>). Deterministic: two processes that prepare the same job get the same ruptures in the same
/// order, so rupture batches (ranges of <see cref="Ruptures"/>) mean the same everywhere, and a
/// <see cref="ClassicalTile"/> that adds the batches in order sums each site's rates in exactly the order
/// <see cref="ClassicalCalculator"/> does.
/// </summary>
public sealed class ClassicalPlan
{
    private ClassicalPlan(JobConfig job, HazardJobSetup setup, ProbabilisticRupture[] ruptures)
    {
        Job = job;
        Setup = setup;
        Ruptures = ruptures;
    }

    public JobConfig Job { get; }
    public int SiteCount => Job.Sites.Count;
    /// <summary>Every rupture of the source model, in source then rupture order; batches are ranges of this list.</summary>
    public IReadOnlyList<ProbabilisticRupture> Ruptures { get; }
    public int RuptureCount => Ruptures.Count;
    /// <summary>Sources of the model.</summary>
    public int SourceCount => Setup.Model.Sources.Count;
    /// <summary>Gsim branches.</summary>
    public int BranchCount => Setup.Gmms.Length;
    public IReadOnlyList<ImtLevels> Imtls => Job.Imtls;

    internal HazardJobSetup Setup { get; }

    /// <summary>
    /// Prepares the plan (generates every rupture); <paramref name="model"/> defaults to the job's source model file. Input
    /// errors are those of <see cref="ClassicalCalculator.Run"/> (GMMs that miss an IMT, site depths with non-planar ruptures).
    /// </summary>
    public static ClassicalPlan Prepare(JobConfig job, SourceModel? model = null, IProgress<HazardProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var setup = HazardJobSetup.Prepare(job, model);
        var sources = setup.Model.Sources;
        var all = new List<ProbabilisticRupture>();
        for (var s = 0; s < sources.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ruptures = Generate(job, setup, s);
            all.AddRange(ruptures);
            progress?.Report(new HazardProgress(s + 1, sources.Count, all.Count, job.Sites.Count));
        }
        return new ClassicalPlan(job, setup, [.. all]);
    }

    /// <summary>The ruptures of source <paramref name="source"/>; site depths require planar ruptures.</summary>
    internal static IReadOnlyList<ProbabilisticRupture> Generate(JobConfig job, HazardJobSetup setup, int source)
    {
        var model = setup.Model;
        var ruptures = RuptureGenerator.Generate(model.Sources[source], source, setup.Settings, model.Path);
        if (setup.SiteDepths is not null && ruptures.Count > 0 && !SiteDepthDistances.Supports(ruptures[0].Rupture.Surface))
            throw new QuakeGridInputException(job.Path, null, "sites",
                $"site depths are supported for planar ruptures only; source '{model.Sources[source].Id}' has {ruptures[0].Rupture.Surface.GetType().Name} ruptures");
        return ruptures;
    }
}
