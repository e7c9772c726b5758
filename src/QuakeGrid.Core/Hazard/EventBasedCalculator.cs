using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Random;
using QuakeGrid.Core.Sources;
using QuakeGrid.Core.Sources.Ruptures;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Event-based (Monte Carlo) PSHA as OpenQuake's event_based calculator:
/// <list type="number">
/// <item>each rupture r occurs N_r ~ Poisson(ν_r · t · n_ses) times, drawn from the stream
/// (<c>ses_seed</c>, rupture id, "occurrence");</item>
/// <item>each occurrence (event) gets a ground-motion field at the sites within <c>maximum_distance</c> (Rrup):
/// ln Y = μ + τ·η + φ·ε with η a between-event and ε a within-event standard normal (ε spatially correlated when a
/// <see cref="IWithinEventFieldSampler"/> is given); for GMMs that publish only the total σ (Tau/Phi NaN),
/// ln Y = μ + σ·ε with independent ε. Independent draws are truncated like the classical exceedance model;</item>
/// <item>exceedances of every level are counted, and the PoE in the investigation time is 1 − exp(−count / n_ses).</item>
/// </list>
/// Every draw comes from a stream seeded by (job seed, rupture id, event number, purpose), so results do not depend on
/// thread or partition counts (counts are integers, summed exactly).
/// </summary>
public static class EventBasedCalculator
{
    /// <summary>Rupture id from the source index and the rupture index in the source.</summary>
    public static long RuptureId(int sourceIndex, int indexInSource) => ((long)sourceIndex << 32) | (uint)indexInSource;

    /// <summary>Runs the job; <paramref name="model"/> defaults to the job's source model file.</summary>
    public static EventBasedResult Run(JobConfig job, SourceModel? model = null, IWithinEventFieldSampler? fieldSampler = null,
        IProgress<HazardProgress>? progress = null, CancellationToken cancellationToken = default, int? maxDegreeOfParallelism = null)
    {
        var setup = HazardJobSetup.Prepare(job, model);
        model = setup.Model;
        var settings = setup.Settings;
        var gmms = setup.Gmms;
        var lnLevels = setup.LnLevels;
        var siteDepths = setup.SiteDepths;
        var sites = job.Sites;
        var nSites = sites.Count;
        var nImt = job.Imtls.Count;
        var nSes = job.SesPerLogicTreePath;
        var effectiveYears = job.InvestigationTime * nSes;
        var seed = unchecked((ulong)job.SesSeed);
        var gmfSeed = unchecked((ulong)job.RandomSeed);

        // 1. Stochastic event set: occurrences of every rupture, in source then rupture order.
        var occurring = new List<(ProbabilisticRupture Rupture, long Id, int Count)>();
        var events = new List<RuptureOccurrence>();
        long rupturesDone = 0;
        for (var s = 0; s < model.Sources.Count; s++)
        {
            var ruptures = RuptureGenerator.Generate(model.Sources[s], s, settings, model.Path);
            foreach (var r in ruptures)
            {
                var id = RuptureId(r.SourceIndex, r.IndexInSource);
                var n = Xoshiro256StarStar.ForStream(seed, id, "occurrence").Poisson(r.AnnualRate * effectiveYears);
                if (n == 0) continue;
                if (n > int.MaxValue) throw new QuakeGridInputException(job.Path, $"rupture {id}", "ses_per_logic_tree_path", "too many occurrences for one rupture");
                if (siteDepths is not null && !SiteDepthDistances.Supports(r.Rupture.Surface))
                    throw new QuakeGridInputException(job.Path, null, "sites", $"site depths are supported for planar ruptures only (source '{model.Sources[s].Id}')");
                occurring.Add((r, id, (int)n));
                var rup = r.Rupture;
                events.Add(new RuptureOccurrence(id, model.Sources[s].Id, rup.Magnitude, rup.Rake, rup.Hypocenter, r.AnnualRate, (int)n));
            }
            rupturesDone += ruptures.Count;
            progress?.Report(new HazardProgress(s + 1, model.Sources.Count, rupturesDone, nSites));
        }

        if (fieldSampler is not null)
        {
            if (fieldSampler.SiteCount != nSites)
                throw new ArgumentException($"the field sampler covers {fieldSampler.SiteCount} sites, the job has {nSites}", nameof(fieldSampler));
            // Correlated within-event fields need the Tau/Phi split.
            for (var b = 0; b < gmms.Length; b++)
                if (!HasTauPhi(gmms[b], job.Imtls[0].Imt))
                    throw new QuakeGridInputException(job.Path, $"gsim branch '{job.GsimBranches[b].BranchId}'", "ground_motion_correlation_model",
                        $"{gmms[b].Name} publishes only the total sigma, so spatially correlated fields cannot be built with it");
        }

        // 2. Ground-motion fields and exceedance counts, in parallel over occurring ruptures with per-worker integer counts.
        var counts = new long[gmms.Length][][];
        for (var b = 0; b < gmms.Length; b++)
        {
            counts[b] = new long[nImt][];
            for (var k = 0; k < nImt; k++) counts[b][k] = new long[nSites * lnLevels[k].Length];
        }
        long siteEvents = 0;
        long eventsDone = 0;
        var eventTotal = events.Sum(e => (long)e.Occurrences);
        var gate = new object();
        var truncation = new TruncatedNormal(job.TruncationLevel, job.TruncationTail);
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, occurring.Count, options,
            () => new EventWorkspace(nSites, gmms.Length, lnLevels, fieldSampler is not null),
            (i, _, ws) =>
            {
                var (pr, id, n) = occurring[i];
                ws.SiteEvents += SimulateRupture(ws, pr, id, n, gmfSeed, sites, siteDepths, job.MaximumDistance, gmms, job.Imtls, lnLevels, truncation, fieldSampler);
                var done = Interlocked.Add(ref eventsDone, n);
                if (progress is not null && (i & 63) == 0)
                    progress.Report(new HazardProgress(model.Sources.Count, model.Sources.Count, rupturesDone, nSites, done, eventTotal));
                return ws;
            },
            ws =>
            {
                lock (gate)
                {
                    siteEvents += ws.SiteEvents;
                    for (var b = 0; b < gmms.Length; b++)
                    for (var k = 0; k < nImt; k++)
                    {
                        var src = ws.Counts[b][k];
                        var dst = counts[b][k];
                        for (var j = 0; j < src.Length; j++) dst[j] += src[j];
                    }
                }
            });

        // 3. Curves: PoE in the investigation time = 1 − exp(−count / n_ses), weighted over branches.
        var poes = setup.WeightedMeanPoes(job, counts, count => ClassicalCalculator.PoissonPoe(count / (double)nSes));
        var curves = new HazardCurveSet(sites, job.SiteDepths, job.Imtls, job.InvestigationTime, poes, job.Poes);
        progress?.Report(new HazardProgress(model.Sources.Count, model.Sources.Count, rupturesDone, nSites, eventTotal, eventTotal));
        return new EventBasedResult(curves, events, siteEvents, eventTotal);
    }

    private static bool HasTauPhi(IGroundMotionModel gmm, Imt imt)
    {
        Span<double> one = [6.0], rake = [0.0], d = [10.0], vs = [760.0], z1 = [double.NaN];
        Span<double> mu = [0.0], tau = [0.0], phi = [0.0], sigma = [0.0];
        gmm.Compute(new GmmContext(one, rake, d, d, vs, z1), imt, new GmmOutput(mu, tau, phi, sigma));
        return double.IsFinite(tau[0]) && double.IsFinite(phi[0]);
    }

    /// <summary>Events whose fields are drawn together.</summary>
    private const int EventBatch = 32;

    private static long SimulateRupture(EventWorkspace ws, ProbabilisticRupture pr, long id, int occurrences, ulong gmfSeed,
        Sites.SiteCollection sites, double[]? siteDepths, double maxDistance, IGroundMotionModel[] gmms, IReadOnlyList<ImtLevels> imtls,
        double[][] lnLevels, TruncatedNormal truncation, IWithinEventFieldSampler? sampler)
    {
        var rup = pr.Rupture;
        var m = ws.Filter.Select(rup, sites.Lon, sites.Lat, siteDepths, 0, sites.Count, maxDistance, ws.Index, ws.Rjb, ws.Rrup);
        for (var j = 0; j < m; j++)
        {
            ws.Vs30[j] = sites.Vs30[ws.Index[j]];
            ws.Z1pt0[j] = sites.Z1pt0[ws.Index[j]];
        }
        if (m == 0) return 0;
        ws.Mag.AsSpan(0, m).Fill(rup.Magnitude);
        ws.Rake.AsSpan(0, m).Fill(rup.Rake);
        var ctx = new GmmContext(ws.Mag.AsSpan(0, m), ws.Rake.AsSpan(0, m), ws.Rjb.AsSpan(0, m), ws.Rrup.AsSpan(0, m),
            ws.Vs30.AsSpan(0, m), ws.Z1pt0.AsSpan(0, m));
        var nb = gmms.Length;
        for (var b = 0; b < nb; b++)
        for (var k = 0; k < imtls.Count; k++)
            gmms[b].Compute(ctx, imtls[k].Imt, ws.Output(b, k, m));

        var index = ws.Index.AsSpan(0, m);
        var eps = ws.Epsilon.AsSpan(0, m);
        var ruptureSeed = SeedDerivation.Derive(gmfSeed, id, "gmf");
        Span<ulong> eventSeeds = stackalloc ulong[EventBatch];
        Span<ulong> withinSeeds = stackalloc ulong[EventBatch];
        for (var k = 0; k < imtls.Count; k++)
        {
            var lnl = lnLevels[k];
            var nl = lnl.Length;
            for (var e0 = 0; e0 < occurrences; e0 += EventBatch)
            {
                var ne = Math.Min(EventBatch, occurrences - e0);
                for (var q = 0; q < ne; q++)
                {
                    eventSeeds[q] = SeedDerivation.Derive(ruptureSeed, e0 + q, "event");
                    withinSeeds[q] = SeedDerivation.Derive(eventSeeds[q], k, "within");
                }
                if (sampler is not null) sampler.Sample(k, withinSeeds[..ne], ws.Fields);
                for (var q = 0; q < ne; q++)
                {
                    // One stream per (rupture, event, IMT); the same draws serve every GMM branch (common random numbers).
                    var rng = new Xoshiro256StarStar(SeedDerivation.Derive(eventSeeds[q], k, "imt"));
                    var eta = truncation.Next(rng);
                    if (sampler is not null)
                        for (var j = 0; j < m; j++) eps[j] = ws.Fields[index[j] * ne + q];
                    else
                        for (var j = 0; j < m; j++) eps[j] = truncation.Next(rng);
                    for (var b = 0; b < nb; b++)
                    {
                        var mu = ws.LnMedian[b][k];
                        var tau = ws.Tau[b][k];
                        var phi = ws.Phi[b][k];
                        var sigma = ws.Sigma[b][k];
                        var totalOnly = !double.IsFinite(tau[0]) || !double.IsFinite(phi[0]);
                        var target = ws.Counts[b][k];
                        for (var j = 0; j < m; j++)
                        {
                            var lnY = totalOnly ? mu[j] + sigma[j] * eps[j] : mu[j] + tau[j] * eta + phi[j] * eps[j];
                            var row = index[j] * nl;
                            for (var l = 0; l < nl && lnY > lnl[l]; l++) target[row + l]++;
                        }
                    }
                }
            }
        }
        return (long)m * occurrences * nb;
    }

    /// <summary>Per-worker buffers (all sites), GMM outputs per branch and IMT, and exceedance counts.</summary>
    private sealed class EventWorkspace
    {
        public EventWorkspace(int nSites, int nBranches, double[][] lnLevels, bool correlated)
        {
            Filter = new SiteDistanceFilter(nSites);
            Index = new int[nSites];
            Mag = new double[nSites]; Rake = new double[nSites]; Rjb = new double[nSites]; Rrup = new double[nSites];
            Vs30 = new double[nSites]; Z1pt0 = new double[nSites];
            Epsilon = new double[nSites];
            Fields = correlated ? new double[nSites * EventBatch] : [];
            var nImt = lnLevels.Length;
            LnMedian = Jagged(nBranches, nImt, nSites); Tau = Jagged(nBranches, nImt, nSites);
            Phi = Jagged(nBranches, nImt, nSites); Sigma = Jagged(nBranches, nImt, nSites);
            Counts = new long[nBranches][][];
            for (var b = 0; b < nBranches; b++)
            {
                Counts[b] = new long[nImt][];
                for (var k = 0; k < nImt; k++) Counts[b][k] = new long[nSites * lnLevels[k].Length];
            }
        }

        private static double[][][] Jagged(int nb, int nk, int n)
        {
            var a = new double[nb][][];
            for (var b = 0; b < nb; b++)
            {
                a[b] = new double[nk][];
                for (var k = 0; k < nk; k++) a[b][k] = new double[n];
            }
            return a;
        }

        public GmmOutput Output(int b, int k, int m) =>
            new(LnMedian[b][k].AsSpan(0, m), Tau[b][k].AsSpan(0, m), Phi[b][k].AsSpan(0, m), Sigma[b][k].AsSpan(0, m));

        public SiteDistanceFilter Filter { get; }
        public int[] Index { get; }
        public double[] Mag { get; }
        public double[] Rake { get; }
        public double[] Rjb { get; }
        public double[] Rrup { get; }
        public double[] Vs30 { get; }
        public double[] Z1pt0 { get; }
        public double[] Epsilon { get; }
        public double[] Fields { get; }
        public double[][][] LnMedian { get; }
        public double[][][] Tau { get; }
        public double[][][] Phi { get; }
        public double[][][] Sigma { get; }
        public long[][][] Counts { get; }
        public long SiteEvents { get; set; }
    }
}
