using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Sources;
using QuakeGrid.Core.Sources.Ruptures;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Classical PSHA (Cornell 1968; McGuire 1976), as OpenQuake's classical calculator: for every site and level x the
/// annual exceedance rate λ(x) = Σ_r ν_r · P(ln Y &gt; ln x | r) is summed over the ruptures r whose Rrup is within
/// <c>maximum_distance</c>, with the lognormal <see cref="ExceedanceModel"/>; the PoE in the investigation time t is
/// 1 − exp(−λ t) (Poisson), and the curves of the gsim branches are averaged with their weights.
/// </summary>
/// <remarks>
/// Sites are processed in fixed chunks in parallel; each chunk owns its sites' sums and walks the ruptures in source
/// then rupture order, so the result does not depend on the number of threads. The inner loop is allocation-free:
/// each chunk reuses one workspace of structure-of-arrays buffers.
/// </remarks>
public static class ClassicalCalculator
{
    /// <summary>Sites per parallel work item.</summary>
    public const int ChunkSize = 256;

    /// <summary>Runs the job; <paramref name="model"/> defaults to the job's source model file.</summary>
    public static HazardCurveSet Run(JobConfig job, SourceModel? model = null, IProgress<HazardProgress>? progress = null,
        CancellationToken cancellationToken = default, int? maxDegreeOfParallelism = null)
    {
        var setup = HazardJobSetup.Prepare(job, model);
        model = setup.Model;
        var settings = setup.Settings;
        var gmms = setup.Gmms;
        var lnLevels = setup.LnLevels;
        var siteDepths = setup.SiteDepths;
        var exceed = new ExceedanceModel(job.TruncationLevel, job.TruncationTail);
        var sites = job.Sites;
        var nSites = sites.Count;
        var nImt = job.Imtls.Count;

        // rates[branch][imt][site * nLevels + level]
        var rates = new double[gmms.Length][][];
        for (var b = 0; b < gmms.Length; b++)
        {
            rates[b] = new double[nImt][];
            for (var k = 0; k < nImt; k++) rates[b][k] = new double[nSites * lnLevels[k].Length];
        }

        var nChunks = (nSites + ChunkSize - 1) / ChunkSize;
        var workspaces = new ChunkWorkspace[nChunks];
        for (var c = 0; c < nChunks; c++)
        {
            var start = c * ChunkSize;
            workspaces[c] = new ChunkWorkspace(start, Math.Min(ChunkSize, nSites - start));
        }
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount,
        };

        long rupturesDone = 0;
        for (var s = 0; s < model.Sources.Count; s++)
        {
            var ruptures = RuptureGenerator.Generate(model.Sources[s], s, settings, model.Path);
            if (siteDepths is not null && ruptures.Count > 0 && !SiteDepthDistances.Supports(ruptures[0].Rupture.Surface))
                throw new QuakeGridInputException(job.Path, null, "sites",
                    $"site depths are supported for planar ruptures only; source '{model.Sources[s].Id}' has {ruptures[0].Rupture.Surface.GetType().Name} ruptures");
            Parallel.For(0, nChunks, options, c =>
                ProcessChunk(workspaces[c], ruptures, sites, siteDepths, job.MaximumDistance, gmms, job.Imtls, lnLevels, exceed, rates));
            rupturesDone += ruptures.Count;
            progress?.Report(new HazardProgress(s + 1, model.Sources.Count, rupturesDone, nSites));
        }

        var t = job.InvestigationTime;
        var poes = setup.WeightedMeanPoes(job, rates, rate => PoissonPoe(rate * t));
        return new HazardCurveSet(sites, job.SiteDepths, job.Imtls, t, poes, job.Poes);
    }

    /// <summary>P(at least one exceedance) = 1 − exp(−x) for x = rate · time, accurate for small x.</summary>
    public static double PoissonPoe(double x) => x < 1e-5 ? x * (1 - x / 2 * (1 - x / 3)) : 1 - Math.Exp(-x);

    private static void ProcessChunk(ChunkWorkspace ws, IReadOnlyList<ProbabilisticRupture> ruptures, SiteCollection sites,
        double[]? siteDepths, double maxDistance, IGroundMotionModel[] gmms, IReadOnlyList<ImtLevels> imtls, double[][] lnLevels,
        ExceedanceModel exceed, double[][][] rates)
    {
        var vs30 = sites.Vs30;
        var z1 = sites.Z1pt0;
        foreach (var pr in ruptures)
        {
            var rup = pr.Rupture;
            var m = ws.Filter.Select(rup, sites.Lon, sites.Lat, siteDepths, ws.Start, ws.Count, maxDistance, ws.Index, ws.Rjb, ws.Rrup);
            if (m == 0) continue;
            for (var j = 0; j < m; j++)
            {
                ws.Vs30[j] = vs30[ws.Start + ws.Index[j]];
                ws.Z1pt0[j] = z1[ws.Start + ws.Index[j]];
            }
            ws.Mag.AsSpan(0, m).Fill(rup.Magnitude);
            ws.Rake.AsSpan(0, m).Fill(rup.Rake);
            var ctx = new GmmContext(ws.Mag.AsSpan(0, m), ws.Rake.AsSpan(0, m), ws.Rjb.AsSpan(0, m), ws.Rrup.AsSpan(0, m),
                ws.Vs30.AsSpan(0, m), ws.Z1pt0.AsSpan(0, m));
            var output = new GmmOutput(ws.LnMedian.AsSpan(0, m), ws.Tau.AsSpan(0, m), ws.Phi.AsSpan(0, m), ws.Sigma.AsSpan(0, m));
            var rate = pr.AnnualRate;
            for (var b = 0; b < gmms.Length; b++)
            for (var k = 0; k < imtls.Count; k++)
            {
                gmms[b].Compute(ctx, imtls[k].Imt, output);
                var lnl = lnLevels[k];
                var nl = lnl.Length;
                var target = rates[b][k];
                for (var j = 0; j < m; j++)
                {
                    var row = (ws.Start + ws.Index[j]) * nl;
                    var mu = ws.LnMedian[j];
                    var sigma = ws.Sigma[j];
                    for (var l = 0; l < nl; l++)
                    {
                        var p = exceed.Poe(mu, sigma, lnl[l]);
                        if (p == 0) break; // levels increase, so every higher level has PoE 0 too
                        target[row + l] += rate * p;
                    }
                }
            }
        }
    }

    /// <summary>Per-chunk structure-of-arrays buffers, reused for every rupture.</summary>
    private sealed class ChunkWorkspace
    {
        public ChunkWorkspace(int start, int count)
        {
            Start = start; Count = count;
            Filter = new SiteDistanceFilter(count);
            Index = new int[count];
            Mag = new double[count]; Rake = new double[count]; Rjb = new double[count]; Rrup = new double[count];
            Vs30 = new double[count]; Z1pt0 = new double[count];
            LnMedian = new double[count]; Tau = new double[count]; Phi = new double[count]; Sigma = new double[count];
        }

        public int Start { get; }
        public int Count { get; }
        public SiteDistanceFilter Filter { get; }
        public int[] Index { get; }
        public double[] Mag { get; }
        public double[] Rake { get; }
        public double[] Rjb { get; }
        public double[] Rrup { get; }
        public double[] Vs30 { get; }
        public double[] Z1pt0 { get; }
        public double[] LnMedian { get; }
        public double[] Tau { get; }
        public double[] Phi { get; }
        public double[] Sigma { get; }
    }
}
