using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.IO.Nrml;
using QuakeGrid.Core.Sources;
using QuakeGrid.Core.Sources.Ruptures;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Hazard;

/// <summary>
/// What the classical and event-based calculators both derive from a job before their loops: the source model, the rupture
/// settings, one GMM per gsim branch (checked against every IMT), ln of the intensity levels, and the site depths (null when
/// every site is on the surface).
/// </summary>
internal sealed record HazardJobSetup(SourceModel Model, RuptureSettings Settings, IGroundMotionModel[] Gmms, double[][] LnLevels,
    double[]? SiteDepths)
{
    /// <summary>Prepares the job; <paramref name="model"/> defaults to the job's source model file.</summary>
    public static HazardJobSetup Prepare(JobConfig job, SourceModel? model)
    {
        ArgumentNullException.ThrowIfNull(job);
        model ??= NrmlSourceModelReader.Read(job.SourceModelPath);
        var settings = new RuptureSettings(job.RuptureMeshSpacing, job.WidthOfMfdBin, job.AreaSourceDiscretization, job.MinimumMagnitude);
        var lnLevels = job.Imtls.Select(l => l.Levels.Select(v => Math.Log(v)).ToArray()).ToArray();
        var nSites = job.Sites.Count;
        var siteDepths = job.SiteDepths.Length == nSites && job.SiteDepths.Any(d => d != 0) ? job.SiteDepths : null;
        return new HazardJobSetup(model, settings, CreateGmms(job), lnLevels, siteDepths);
    }

    /// <summary>Builds the GMM of every gsim branch and checks that it supports every IMT of the job.</summary>
    public static IGroundMotionModel[] CreateGmms(JobConfig job)
    {
        var gmms = new IGroundMotionModel[job.GsimBranches.Count];
        for (var b = 0; b < gmms.Length; b++)
        {
            var branch = job.GsimBranches[b];
            gmms[b] = GmmFactory.Create(branch.GmmName, GmmOptions.Default);
            foreach (var l in job.Imtls)
                if (!gmms[b].Supports(l.Imt))
                    throw new QuakeGridInputException(job.Path, $"gsim branch '{branch.BranchId}'", "intensity_measure_types_and_levels",
                        $"{branch.GmmName} does not support IMT {l.Imt}");
        }
        return gmms;
    }

    /// <summary>
    /// Branch-weighted mean PoE curves: <c>poes[imt][site · nLevels + level] = Σ_b w_b · poeOf(perBranch[b][imt][…])</c>,
    /// with w_b the gsim branch weights.
    /// </summary>
    public double[][] WeightedMeanPoes<T>(JobConfig job, T[][][] perBranch, Func<T, double> poeOf)
    {
        var nSites = job.Sites.Count;
        var poes = new double[LnLevels.Length][];
        for (var k = 0; k < poes.Length; k++)
        {
            var mean = new double[nSites * LnLevels[k].Length];
            for (var b = 0; b < Gmms.Length; b++)
            {
                var w = job.GsimBranches[b].Weight;
                var src = perBranch[b][k];
                for (var i = 0; i < mean.Length; i++) mean[i] += w * poeOf(src[i]);
            }
            poes[k] = mean;
        }
        return poes;
    }
}
