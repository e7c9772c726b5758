using QuakeGrid.Core.Inference.Likelihood;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Inference.Sampling;

/// <summary>
/// Runs several NUTS chains (in parallel; with at least as many chains as cores each chain evaluates the likelihood
/// on its own thread, see <see cref="EventParallelism"/>) with Stan-style windowed warm-up: dual-averaging step-size adaptation toward
/// <see cref="NutsSettings.TargetAcceptance"/> and a diagonal inverse metric estimated in doubling slow windows.
/// Chain c uses the random stream <c>SeedDerivation.Derive(seed, c, "nuts-chain")</c>; its initial point is
/// the centre + U(−r, r) per coordinate from the stream of purpose <c>"nuts-init"</c>, r in Laplace standard
/// deviations when <see cref="NutsSettings.LaplaceInit"/> applies (then also the initial metric), else in
/// unconstrained units. Results depend only on (seed, settings, target), not on thread scheduling.
/// Progress reports (every 100 iterations and at the end of each phase) carry the chain's gradient evaluations and
/// elapsed time per phase, and a final line the wall and process CPU time of the whole run.
/// </summary>
public static class NutsSampler
{
    /// <summary>Samples <paramref name="target"/>; <paramref name="centre"/> is the unconstrained initialisation centre.</summary>
    public static NutsResult Sample(ILogDensity target, NutsSettings settings, ulong seed, ReadOnlySpan<double> centre,
        IProgress<string>? progress = null)
    {
        settings.Validate();
        var d = target.Dimension;
        if (centre.Length != d) throw new ArgumentException("centre length must equal the target dimension");
        var c0 = centre.ToArray();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var laplace = settings.LaplaceInit && settings.Warmup > 0 ? LaplaceApproximation.Covariance(target, c0) : null;
        if (settings.LaplaceInit && settings.Warmup > 0)
            progress?.Report(laplace is null
                ? "NUTS: Hessian at the centre not negative definite; unit initial metric"
                : $"NUTS: Laplace initial metric, sd {string.Join(", ", Enumerable.Range(0, d).Select(i => Math.Sqrt(laplace[i * d + i]).ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))}");
        var chains = new ChainResult[settings.Chains];
        // With at least as many chains as cores the chains alone keep the cores busy: each chain then evaluates its
        // likelihood's events on its own thread (EventParallelism), which saved 13–20 % CPU per gradient against
        // nested parallel loops (docs/benchmarks.md, issue 6).
        var chainsOnly = settings.Parallel && settings.Chains >= Environment.ProcessorCount;
        void RunOne(int c)
        {
            using var scope = chainsOnly ? EventParallelism.Serial() : null;
            chains[c] = RunChain(target, settings, seed, c, c0, laplace, progress);
        }
        if (settings.Parallel) Parallel.For(0, settings.Chains, new ParallelOptions { MaxDegreeOfParallelism = settings.Chains }, RunOne);
        else for (var c = 0; c < settings.Chains; c++) RunOne(c);
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        progress?.Report(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"NUTS done: {wall.Elapsed.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s process CPU, {chains.Sum(c => c.WarmupGradientEvaluations)} warm-up + {chains.Sum(c => c.GradientEvaluations - c.WarmupGradientEvaluations)} sampling gradient evaluations"));
        return new NutsResult(chains);
    }

    private static ChainResult RunChain(ILogDensity target, NutsSettings s, ulong seed, int chainIndex, double[] centre, double[]? laplace,
        IProgress<string>? progress)
    {
        var d = target.Dimension;
        var initRng = Xoshiro256StarStar.ForStream(seed, chainIndex, "nuts-init");
        double[]? init = null;
        for (var attempt = 0; attempt < 100 && init is null; attempt++)
        {
            var x = new double[d];
            for (var i = 0; i < d; i++)
            {
                var r = laplace is null ? s.InitRadius : s.LaplaceInitRadius * Math.Sqrt(laplace[i * d + i]);
                x[i] = centre[i] + r * (2 * initRng.NextDouble() - 1);
            }
            if (double.IsFinite(target.Evaluate(x, Span<double>.Empty))) init = x;
        }
        if (init is null) throw new InvalidOperationException($"chain {chainIndex}: no finite log-density in 100 initialisation attempts");

        var rng = Xoshiro256StarStar.ForStream(seed, chainIndex, "nuts-chain");
        var chain = new NutsChain(target, rng, s, init);
        if (laplace is not null)
        {
            if (s.DenseMetric) chain.SetDenseInverseMetric(laplace);
            else for (var i = 0; i < d; i++) chain.InverseMetric[i] = laplace[i * d + i];
        }
        var phase = System.Diagnostics.Stopwatch.StartNew();
        string Pace(long gradients, int iterations) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{gradients} gradients ({(double)gradients / Math.Max(1, iterations):F2}/iteration), {phase.Elapsed.TotalSeconds:F0} s");
        var da = new DualAveraging(s.TargetAcceptance);
        var schedule = new WarmupSchedule(s.Warmup, s.InitBuffer, s.TermBuffer, s.BaseWindow);
        var welford = new WelfordVariance(d);
        var welfordDense = s.DenseMetric ? new WelfordCovariance(d) : null;

        if (s.Warmup > 0)
        {
            chain.InitialiseStepSize();
            da.Restart(chain.StepSize);
        }
        var warmupDivergences = 0;
        for (var it = 0; it < s.Warmup; it++)
        {
            var t = chain.Step();
            if (t.Divergent) warmupDivergences++;
            chain.StepSize = da.Learn(t.AcceptStat);
            if (schedule.InSlowWindow(it)) { welford.Add(chain.Position); welfordDense?.Add(chain.Position); }
            if (schedule.EndsWindow(it))
            {
                if (welfordDense is not null)
                {
                    chain.SetDenseInverseMetric(welfordDense.RegularisedCovariance());
                    welfordDense.Reset();
                }
                else welford.RegularisedVariance(chain.InverseMetric);
                welford.Reset();
                chain.InitialiseStepSize();
                da.Restart(chain.StepSize);
            }
            if (progress is not null && (it + 1) % 100 == 0)
                progress.Report($"chain {chainIndex}: warm-up {it + 1}/{s.Warmup}, step {chain.StepSize:G3}, {Pace(chain.GradientEvaluations, it + 1)}");
        }
        if (s.Warmup > 0) chain.StepSize = da.Final;
        var warmupGradients = chain.GradientEvaluations;
        if (s.Warmup > 0) progress?.Report($"chain {chainIndex}: warm-up done, step {chain.StepSize:G3}, {Pace(warmupGradients, s.Warmup)}");
        phase.Restart();

        var draws = new double[s.Draws][];
        var accept = new double[s.Draws];
        var depth = new int[s.Draws];
        var leapfrogs = new int[s.Draws];
        var divergent = new bool[s.Draws];
        var logp = new double[s.Draws];
        for (var it = 0; it < s.Draws; it++)
        {
            var t = chain.Step();
            draws[it] = (double[])chain.Position.Clone();
            accept[it] = t.AcceptStat; depth[it] = t.TreeDepth; leapfrogs[it] = t.Leapfrogs; divergent[it] = t.Divergent;
            logp[it] = chain.LogDensity;
            if (progress is not null && (it + 1) % 100 == 0)
                progress.Report($"chain {chainIndex}: draw {it + 1}/{s.Draws}, {Pace(chain.GradientEvaluations - warmupGradients, it + 1)}");
        }
        progress?.Report($"chain {chainIndex}: draws done, {Pace(chain.GradientEvaluations - warmupGradients, s.Draws)}");
        return new ChainResult(draws, logp, accept, depth, leapfrogs, divergent, chain.StepSize,
            (double[])chain.InverseMetric.Clone(), warmupDivergences, chain.GradientEvaluations)
        { WarmupGradientEvaluations = warmupGradients };
    }
}

/// <summary>Draws and sampler statistics of one chain (unconstrained coordinates).</summary>
/// <param name="Draws">Kept draws [iteration][coordinate].</param>
/// <param name="LogDensity">Log-posterior at each draw.</param>
/// <param name="AcceptStat">Mean Metropolis acceptance over each trajectory.</param>
/// <param name="TreeDepth">Tree depth per draw.</param>
/// <param name="Leapfrogs">Leapfrog steps per draw.</param>
/// <param name="Divergent">Divergent transition flags per draw.</param>
/// <param name="StepSize">Adapted step size.</param>
/// <param name="InverseMetric">Adapted inverse metric: the diagonal (of the dense one when <see cref="NutsSettings.DenseMetric"/>).</param>
/// <param name="WarmupDivergences">Divergences during warm-up (not counted in diagnostics).</param>
/// <param name="GradientEvaluations">Gradient evaluations including warm-up.</param>
public sealed record ChainResult(double[][] Draws, double[] LogDensity, double[] AcceptStat, int[] TreeDepth, int[] Leapfrogs,
    bool[] Divergent, double StepSize, double[] InverseMetric, int WarmupDivergences, long GradientEvaluations)
{
    /// <summary>Number of divergent post-warm-up transitions.</summary>
    public int Divergences => Divergent.Count(x => x);

    /// <summary>Gradient evaluations up to the end of warm-up (initialisation and step-size searches included).</summary>
    public long WarmupGradientEvaluations { get; init; }
}

/// <summary>All chains of a NUTS run.</summary>
public sealed record NutsResult(ChainResult[] Chains)
{
    /// <summary>Total post-warm-up divergences.</summary>
    public int Divergences => Chains.Sum(c => c.Divergences);

    /// <summary>A scalar function of the unconstrained draws as [chain][draw].</summary>
    public double[][] Map(Func<double[], double> map) =>
        Chains.Select(c => c.Draws.Select(map).ToArray()).ToArray();
}
