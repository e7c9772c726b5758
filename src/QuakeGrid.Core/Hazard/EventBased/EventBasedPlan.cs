using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Random;
using QuakeGrid.Core.Sources;
using QuakeGrid.Core.Sources.Ruptures;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// Everything a process needs to compute any tile of one event-based job: the validated setup (source model, rupture
/// settings, GMMs, ln levels), the stochastic event set and the correlation plan. Deterministic: two processes that
/// prepare the same job (and options) get identical plans, so tiles computed anywhere add up to the same counts.
/// <list type="bullet">
/// <item>Event set: each rupture r occurs N_r ~ Poisson(ν_r · t · n_ses) times, drawn from the stream (<c>ses_seed</c>,
/// rupture id, "occurrence"); the ruptures with N_r ≥ 1 are kept in source then rupture order (<see cref="Events"/>);
/// batches are ranges of this list.</item>
/// <item>Correlation plan: with a <c>ground_motion_correlation_model</c>, one Vecchia structure over ALL job sites and one
/// factor per IMT on it (<see cref="VecchiaFieldSampler.ForJob"/>; by default m = 30 in the
/// <see cref="VecchiaOrdering.LevelCell"/> order, as accurate as max-min but with local dependency closures); a tile
/// sweeps only the dependency closure of the sites it needs in this global order (<see cref="VecchiaSubset"/>), with
/// innovations keyed by (event, global site index), so fields do not depend on the tiling.</item>
/// </list>
/// Draws of an event: eventSeed = Derive(Derive(random_seed, rupture id, "gmf"), occurrence number, "event"); per IMT k
/// the between-event η = <see cref="CounterNormal"/>(Derive(eventSeed, k, "between"), 0) (truncated like the exceedance
/// model, by rejection within that stream) and the
/// within-event innovations z(site) = <see cref="CounterNormal"/>(Derive(eventSeed, k, "within"), global site index) —
/// correlated through the Vecchia sweep, or used directly (truncated) without correlation.
/// <para>
/// With a <c>posterior:</c> correlation model (<see cref="Posterior"/>) each event draws its own hyperparameters: draw
/// index <see cref="DrawOf"/>(eventSeed), and the within-event field of every IMT is swept with that draw's factor
/// (<see cref="PosteriorFactors"/>: each tile computes its closure's rows of every draw's factor). Innovations and η are keyed exactly as above, so an event's field is the one a job
/// with the fixed kernel of its draw would give it. For EA/EAS posteriors the kernel also depends on the rupture's
/// epicentre (its hypocentre), and each tile computes the factor rows per (rupture, draw) (<see cref="EpicentreFactors"/>).
/// </para>
/// </summary>
public sealed class EventBasedPlan
{
    private EventBasedPlan(JobConfig job, HazardJobSetup setup, OccurringRuptures occurring, List<RuptureOccurrence> events,
        VecchiaFactor[]? factors, EventBasedOptions options, long generatedRuptures)
    {
        GeneratedRuptureCount = generatedRuptures;
        Job = job; Setup = setup; Occurring = occurring; Events = events; Factors = factors; Options = options;
        EventCount = occurring.Occurrences.Sum(n => (long)n);
        TotalSigmaOnly = new bool[setup.Gmms.Length][];
        for (var b = 0; b < setup.Gmms.Length; b++)
            TotalSigmaOnly[b] = job.Imtls.Select(l => !HasTauPhi(setup.Gmms[b], l.Imt)).ToArray();
    }

    public JobConfig Job { get; }
    public int SiteCount => Job.Sites.Count;
    /// <summary>The occurring ruptures (audit table, events.csv), in source then rupture order.</summary>
    public IReadOnlyList<RuptureOccurrence> Events { get; }
    /// <summary>Number of occurring ruptures; rupture batches are ranges [first, first + count) of <see cref="Events"/>.</summary>
    public int RuptureCount => Occurring.Count;
    /// <summary>Events (occurrences) in all stochastic event sets.</summary>
    public long EventCount { get; }
    /// <summary>Sources of the model.</summary>
    public int SourceCount => Setup.Model.Sources.Count;
    /// <summary>Ruptures generated from all sources (occurring or not).</summary>
    public long GeneratedRuptureCount { get; }
    /// <summary>Gsim branches.</summary>
    public int BranchCount => Setup.Gmms.Length;
    public IReadOnlyList<ImtLevels> Imtls => Job.Imtls;
    /// <summary>True when within-event residuals are spatially correlated.</summary>
    public bool Correlated => Factors is not null || PosteriorPlan is not null;
    public EventBasedOptions Options { get; }

    internal HazardJobSetup Setup { get; }
    internal OccurringRuptures Occurring { get; }
    /// <summary>One Vecchia factor per IMT over all job sites (one shared structure), or null (no correlation, or a posterior).</summary>
    internal VecchiaFactor[]? Factors { get; }

    /// <summary>With a <see cref="Posterior"/>: the structure and one kernel per draw, from which each tile computes its closure rows.</summary>
    internal PosteriorFactors? PosteriorPlan { get; private init; }

    /// <summary>
    /// The posterior draws of a <c>posterior:</c> correlation model (null otherwise): event e uses draw
    /// <see cref="DrawOf"/>(its event seed), the same draw for every IMT.
    /// </summary>
    public PosteriorCorrelation? Posterior { get; private init; }

    /// <summary>
    /// Posterior draw index of the event with seed <paramref name="eventSeed"/>:
    /// <c>Xoshiro256StarStar.ForStream(eventSeed, 0, "posterior-draw").NextInt(R)</c> — uniform over the R draws and
    /// keyed by (random_seed, rupture id, occurrence) only, so independent of tiles, batches and threads.
    /// </summary>
    internal int DrawOf(ulong eventSeed) => Posterior!.DrawIndex(eventSeed, 0);
    /// <summary>[branch][imt]: the GMM publishes only the total σ (independent residuals, ln Y = μ + σ·ε).</summary>
    internal bool[][] TotalSigmaOnly { get; }

    /// <summary>Prepares the plan; <paramref name="model"/> defaults to the job's source model file.</summary>
    public static EventBasedPlan Prepare(JobConfig job, SourceModel? model = null, EventBasedOptions? options = null,
        IProgress<HazardProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        options ??= new EventBasedOptions();
        if (options.EventsPerSweep < 1 || options.EventsPerSweep > 1024)
            throw new ArgumentOutOfRangeException(nameof(options), options.EventsPerSweep, "EventsPerSweep must lie in [1, 1024]");
        var setup = HazardJobSetup.Prepare(job, model);
        model = setup.Model;
        for (var k = 0; k < setup.LnLevels.Length; k++)
            for (var l = 1; l < setup.LnLevels[k].Length; l++)
                if (!(setup.LnLevels[k][l] > setup.LnLevels[k][l - 1]))
                    throw new QuakeGridInputException(job.Path, null, "intensity_measure_types_and_levels", $"levels of {job.Imtls[k].Imt} must be strictly increasing");
        var seed = unchecked((ulong)job.SesSeed);
        var gmfSeed = unchecked((ulong)job.RandomSeed);
        var effectiveYears = job.InvestigationTime * job.SesPerLogicTreePath;
        var ruptures = new List<ProbabilisticRupture>();
        var ids = new List<long>();
        var counts = new List<int>();
        var events = new List<RuptureOccurrence>();
        long rupturesDone = 0;
        for (var s = 0; s < model.Sources.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var generated = RuptureGenerator.Generate(model.Sources[s], s, setup.Settings, model.Path);
            foreach (var r in generated)
            {
                var id = EventBasedCalculator.RuptureId(r.SourceIndex, r.IndexInSource);
                var n = Xoshiro256StarStar.ForStream(seed, id, "occurrence").Poisson(r.AnnualRate * effectiveYears);
                if (n == 0) continue;
                if (n > int.MaxValue) throw new QuakeGridInputException(job.Path, $"rupture {id}", "ses_per_logic_tree_path", "too many occurrences for one rupture");
                if (setup.SiteDepths is not null && !SiteDepthDistances.Supports(r.Rupture.Surface))
                    throw new QuakeGridInputException(job.Path, null, "sites", $"site depths are supported for planar ruptures only (source '{model.Sources[s].Id}')");
                ruptures.Add(r);
                ids.Add(id);
                counts.Add((int)n);
                var rup = r.Rupture;
                events.Add(new RuptureOccurrence(id, model.Sources[s].Id, rup.Magnitude, rup.Rake, rup.Hypocenter, r.AnnualRate, (int)n));
            }
            rupturesDone += generated.Count;
            progress?.Report(new HazardProgress(s + 1, model.Sources.Count, rupturesDone, job.Sites.Count));
        }
        var gmfSeeds = new ulong[ids.Count];
        var keys = new ulong[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            gmfSeeds[i] = SeedDerivation.Derive(gmfSeed, ids[i], "gmf");
            var h = ruptures[i].Rupture.Hypocenter;
            keys[i] = OccurringRuptures.SpatialKey(h.Lon, h.Lat);
        }
        var occurring = new OccurringRuptures(ruptures.ToArray(), ids.ToArray(), counts.ToArray(), gmfSeeds, keys);

        VecchiaFactor[]? factors = null;
        PosteriorCorrelation? posterior = null;
        PosteriorFactors? posteriorFactors = null;
        if (options.Correlated && (options.FieldSampler is not null || job.GroundMotionCorrelationModel is not null))
        {
            for (var b = 0; b < setup.Gmms.Length; b++)
            foreach (var l in job.Imtls)
                if (!HasTauPhi(setup.Gmms[b], l.Imt))
                    throw new QuakeGridInputException(job.Path, $"gsim branch '{job.GsimBranches[b].BranchId}'", "ground_motion_correlation_model",
                        $"{setup.Gmms[b].Name} publishes only the total sigma, so spatially correlated fields cannot be built with it");
        }
        if (options.Correlated && options.FieldSampler is null && job.CorrelationPosterior is { } post)
        {
            posterior = post;
            posteriorFactors = PosteriorFactors.Build(job, post, options);
        }
        else if (options.Correlated && (options.FieldSampler is not null || job.GroundMotionCorrelationModel is not null))
        {
            var sampler = options.FieldSampler ?? VecchiaFieldSampler.ForJob(job, options.Vecchia, options.MaxDegreeOfParallelism)!;
            if (sampler.SiteCount != job.Sites.Count)
                throw new ArgumentException($"the field sampler covers {sampler.SiteCount} sites, the job has {job.Sites.Count}", nameof(options));
            if (sampler.Factors.Count != job.Imtls.Count)
                throw new ArgumentException($"the field sampler has {sampler.Factors.Count} IMT factors, the job has {job.Imtls.Count} IMTs", nameof(options));
            factors = sampler.Factors.ToArray();
        }
        return new EventBasedPlan(job, setup, occurring, events, factors, options, rupturesDone) { Posterior = posterior, PosteriorPlan = posteriorFactors };
    }

    /// <summary>Seed of occurrence <paramref name="occurrence"/> of occurring rupture <paramref name="rupture"/>.</summary>
    internal ulong EventSeed(int rupture, int occurrence) => SeedDerivation.Derive(Occurring.GmfSeeds[rupture], occurrence, "event");

    internal static bool HasTauPhi(IGroundMotionModel gmm, Imt imt)
    {
        Span<double> one = [6.0], rake = [0.0], d = [10.0], vs = [760.0], z1 = [double.NaN];
        Span<double> mu = [0.0], tau = [0.0], phi = [0.0], sigma = [0.0];
        gmm.Compute(new GmmContext(one, rake, d, d, vs, z1), imt, new GmmOutput(mu, tau, phi, sigma));
        return double.IsFinite(tau[0]) && double.IsFinite(phi[0]);
    }
}
