using QuakeGrid.Core.Hazard.Classical;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Sources;

namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Classical PSHA (Cornell 1968; McGuire 1976), as OpenQuake's classical calculator: for every site and level x the
/// annual exceedance rate λ(x) = Σ_r ν_r · P(ln Y &gt; ln x | r) is summed over the ruptures r whose Rrup is within
/// <c>maximum_distance</c>, with the lognormal <see cref="ExceedanceModel"/>; the PoE in the investigation time t is
/// 1 − exp(−λ t) (Poisson), and the curves of the gsim branches are averaged with their weights.
/// </summary>
/// <remarks>
/// The maths is <see cref="ClassicalTile"/>'s: one tile of every site, to which each source's ruptures are added as they
/// are generated (the sites in parallel chunks, each walking the ruptures in source then rupture order, so the result
/// does not depend on the number of threads). The hazard job grains run the same routine per region tile over rupture
/// batches in order, with bit-identical results.
/// </remarks>
public static class ClassicalCalculator
{
    /// <summary>Sites per parallel work item.</summary>
    public const int ChunkSize = ClassicalTile.ChunkSize;

    /// <summary>Runs the job; <paramref name="model"/> defaults to the job's source model file.</summary>
    public static HazardCurveSet Run(JobConfig job, SourceModel? model = null, IProgress<HazardProgress>? progress = null,
        CancellationToken cancellationToken = default, int? maxDegreeOfParallelism = null)
    {
        var setup = HazardJobSetup.Prepare(job, model);
        model = setup.Model;
        var tile = new ClassicalTile(job, setup, Enumerable.Range(0, job.Sites.Count).ToArray(), planRuptures: null);
        var rates = tile.NewRates();
        long rupturesDone = 0;
        for (var s = 0; s < model.Sources.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ruptures = ClassicalPlan.Generate(job, setup, s);
            tile.Add(ruptures, 0, ruptures.Count, rates, maxDegreeOfParallelism, cancellationToken);
            rupturesDone += ruptures.Count;
            progress?.Report(new HazardProgress(s + 1, model.Sources.Count, rupturesDone, job.Sites.Count));
        }
        return ClassicalCurves.FromRates(job, setup, rates);
    }

    /// <summary>P(at least one exceedance) = 1 − exp(−x) for x = rate · time, accurate for small x.</summary>
    public static double PoissonPoe(double x) => x < 1e-5 ? x * (1 - x / 2 * (1 - x / 3)) : 1 - Math.Exp(-x);
}
