using System.Collections.Concurrent;
using System.Runtime.Intrinsics;
using QuakeGrid.Core.Inference.Data;

namespace QuakeGrid.Core.Inference.Likelihood;

/// <summary>
/// Exact pooled log-likelihood of Bodenmann, Baker &amp; Stojadinović (2023, Eq. 11): events independent, sharing the
/// hyperparameters; per event z ~ N(0, K_θ + nugget·I). One Cholesky factorisation per event; the gradient with
/// respect to the unconstrained coordinates q is ∂ℓ/∂q_k = ½ tr((ααᵀ − K⁻¹) ∂K/∂q_k), α = K⁻¹z (Rasmussen &amp;
/// Williams 2006, Eq. 5.9). Events are evaluated in parallel (largest first); per-event results are summed in
/// ascending event-id order, so the value does not depend on thread scheduling.
/// </summary>
public sealed class PooledLikelihood : IPooledLikelihood
{
    /// <summary>Nugget of the paper (added to the diagonal of each event's correlation matrix).</summary>
    public const double DefaultNugget = 1e-6;

    private readonly PooledResidualData _data;
    private readonly int[] _order;
    private readonly ConcurrentBag<SpdWorkspace> _pool = new();
    private readonly ParallelOptions _parallel;

    /// <summary>Creates the likelihood of <paramref name="kind"/> on <paramref name="data"/>.</summary>
    public PooledLikelihood(PooledResidualData data, CorrelationModelKind kind, double nugget = DefaultNugget, int maxDegreeOfParallelism = -1,
        LikelihoodAlgorithm algorithm = LikelihoodAlgorithm.Blocked)
    {
        Algorithm = algorithm;
        if (data.Events.Count == 0) throw new ArgumentException("no events", nameof(data));
        _data = data;
        Kind = kind;
        Nugget = nugget;
        _order = Enumerable.Range(0, data.Events.Count).OrderByDescending(e => data.Events[e].Count).ThenBy(e => e).ToArray();
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var work = data.Events.Sum(e => (double)e.Count * e.Count * e.Count);
        _serial = maxDegreeOfParallelism == 1 || work < SerialWorkThreshold;
    }

    /// <summary>Below this Σ n³ the events are evaluated on the calling thread (fork/join costs more than it saves).</summary>
    public const double SerialWorkThreshold = 2e6;

    private readonly bool _serial;

    private void ForEachEvent(Action<int> body)
    {
        if (_serial || EventParallelism.IsSerial) { for (var t = 0; t < _order.Length; t++) body(t); }
        else Parallel.For(0, _order.Length, _parallel, body);
    }

    /// <summary>Model.</summary>
    public CorrelationModelKind Kind { get; }
    /// <summary>Per-event dense algorithm.</summary>
    public LikelihoodAlgorithm Algorithm { get; }
    /// <summary>Diagonal nugget.</summary>
    public double Nugget { get; }
    /// <summary>Number of unconstrained coordinates.</summary>
    public int Dimension => CorrelationModels.ParameterCount(Kind);
    /// <summary>Data.</summary>
    public PooledResidualData Data => _data;

    /// <summary>
    /// Total log-likelihood at unconstrained <paramref name="q"/>; when <paramref name="gradient"/> is non-empty it
    /// receives ∂ℓ/∂q. Returns −∞ (gradient zero) if some event's matrix is not numerically positive definite.
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> q, Span<double> gradient)
    {
        var p = Dimension;
        var withGrad = !gradient.IsEmpty;
        if (withGrad && gradient.Length != p) throw new ArgumentException("gradient length must equal the dimension");
        var kernel = new BodenmannKernel(Kind, q);
        var ne = _data.Events.Count;
        var ll = new double[ne];
        var g = withGrad ? new double[ne * p] : Array.Empty<double>();
        ForEachEvent(t =>
        {
            var e = _order[t];
            var ws = Rent();
            try
            {
                ll[e] = withGrad
                    ? EventLogLikelihood(_data.Events[e], kernel, ws, g.AsSpan(e * p, p))
                    : EventLogLikelihood(_data.Events[e], kernel, ws, Span<double>.Empty);
            }
            finally { _pool.Add(ws); }
        });
        var total = 0.0;
        for (var e = 0; e < ne; e++) total += ll[e];
        if (withGrad)
        {
            gradient.Clear();
            if (double.IsFinite(total))
                for (var e = 0; e < ne; e++)
                for (var k = 0; k < p; k++) gradient[k] += g[e * p + k];
        }
        return double.IsFinite(total) ? total : double.NegativeInfinity;
    }

    /// <summary>Log-likelihood of each event (ascending event-id order) at unconstrained <paramref name="q"/>.</summary>
    public double[] EventLogLikelihoods(ReadOnlySpan<double> q)
    {
        var kernel = new BodenmannKernel(Kind, q);
        var ll = new double[_data.Events.Count];
        ForEachEvent(t =>
        {
            var e = _order[t];
            var ws = Rent();
            try { ll[e] = EventLogLikelihood(_data.Events[e], kernel, ws, Span<double>.Empty); }
            finally { _pool.Add(ws); }
        });
        return ll;
    }

    /// <summary>
    /// Log-likelihood of one event under the independent model z ~ N(0, (1 + nugget)·I) (the paper's reference model).
    /// </summary>
    public static double IndependentEventLogLikelihood(EventResiduals ev, double nugget = DefaultNugget)
    {
        var v = 1 + nugget;
        var s = 0.0;
        foreach (var z in ev.Z) s += z * z;
        return -0.5 * (s / v + ev.Count * (Math.Log(v) + Math.Log(2 * Math.PI)));
    }

    private SpdWorkspace Rent()
    {
        var need = _data.MaxEventSize;
        while (_pool.TryTake(out var ws))
            if (ws.Capacity >= need) return ws;
        return new SpdWorkspace(need);
    }

    /// <summary>Log-density of one event; fills <paramref name="grad"/> (unconstrained coordinates) when non-empty.</summary>
    internal double EventLogLikelihood(EventResiduals ev, BodenmannKernel kernel, SpdWorkspace ws, Span<double> grad) =>
        Algorithm == LikelihoodAlgorithm.Blocked
            ? EventLogLikelihoodBlocked(ev, kernel, ws, grad)
            : EventLogLikelihoodReference(ev, kernel, ws, grad);

    /// <summary>
    /// ln N(z | 0, K) = −½ (zᵀK⁻¹z + ln det K + n ln 2π) from the factor held by <paramref name="ws"/>; leaves
    /// α = K⁻¹z in <c>ws.Vector</c> for the gradient.
    /// </summary>
    private static double GaussianLogDensity(double[] z, SpdWorkspace ws, double logDet, int n)
    {
        z.AsSpan(0, n).CopyTo(ws.Vector);
        ws.Solve(n);
        var alpha = ws.Vector;
        var quad = 0.0;
        for (var i = 0; i < n; i++) quad += z[i] * alpha[i];
        return -0.5 * (quad + logDet + n * Math.Log(2 * Math.PI));
    }

    /// <summary>
    /// Serial blocked log-likelihood + gradient at <paramref name="q"/> with the time spent in each phase summed over
    /// events (benchmark breakdown; same arithmetic as <see cref="Evaluate"/>).
    /// </summary>
    public (double LogLikelihood, LikelihoodPhaseTimes Times) EvaluateWithPhaseTimes(ReadOnlySpan<double> q, Span<double> gradient)
    {
        var p = Dimension;
        if (gradient.Length != p) throw new ArgumentException("gradient length must equal the dimension");
        var kernel = new BodenmannKernel(Kind, q);
        var ws = Rent();
        var times = new long[5];
        var total = 0.0;
        Span<double> g = stackalloc double[p];
        gradient.Clear();
        try
        {
            for (var e = 0; e < _data.Events.Count; e++)
            {
                total += EventLogLikelihoodBlocked(_data.Events[e], kernel, ws, g, times);
                for (var k = 0; k < p; k++) gradient[k] += g[k];
            }
        }
        finally { _pool.Add(ws); }
        var f = 1000.0 / System.Diagnostics.Stopwatch.Frequency;
        return (total, new LikelihoodPhaseTimes(times[0] * f, times[1] * f, times[2] * f, times[3] * f, times[4] * f));
    }

    private double EventLogLikelihoodBlocked(EventResiduals ev, BodenmannKernel kernel, SpdWorkspace ws, Span<double> grad, long[]? times = null)
    {
        var t0 = times is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
        var n = ev.Count;
        var a = ws.Matrix;
        var diag = 1.0 + Nugget;
        var p = kernel.ParameterCount;
        var withGrad = !grad.IsEmpty;
        var pairs = n * (n - 1) / 2;
        var d = withGrad ? ws.Derivatives(p * pairs).AsSpan(0, p * pairs) : Span<double>.Empty;
        for (var i = 0; i < n; i++)
        {
            kernel.FillRange(ev, i * (i - 1) / 2, i, a.AsSpan(i * n, i), d, pairs);
            a[i * n + i] = diag;
        }
        var t1 = Mark(times, 0, t0);
        var logDet = ws.FactorBlocked(n);
        var t2 = Mark(times, 1, t1);
        if (double.IsNaN(logDet))
        {
            grad.Clear();
            return double.NegativeInfinity;
        }
        var ll = GaussianLogDensity(ev.Z, ws, logDet, n);
        var t3 = Mark(times, 2, t2);
        var alpha = ws.Vector;
        if (!withGrad) return ll;

        ws.InvertBlocked(n);
        var t4 = Mark(times, 3, t3);
        TracePass(ws.Inverse, alpha, n, d, pairs, p, grad);
        Mark(times, 4, t4);
        return ll;
    }

    private static long Mark(long[]? times, int phase, long since)
    {
        if (times is null) return 0;
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        times[phase] += now - since;
        return now;
    }

    /// <summary>
    /// grad_k = Σ_{i&gt;j} (α_i α_j − K⁻¹_ij) ∂K_ij/∂q_k (the ½ of the symmetric trace cancels the pair doubling; the
    /// diagonal of ∂K is zero), four pairs at a time, each row of K⁻¹ read once for all parameters.
    /// </summary>
    private static void TracePass(double[] kinv, double[] alpha, int n, ReadOnlySpan<double> d, int pairs, int p, Span<double> grad)
    {
        Span<double> acc = stackalloc double[5];
        acc.Clear();
        var v0 = Vector256<double>.Zero; var v1 = v0; var v2 = v0; var v3 = v0; var v4 = v0;
        for (var i = 1; i < n; i++)
        {
            var row = kinv.AsSpan(i * n, i);
            var ai = alpha[i];
            var vai = Vector256.Create(ai);
            var p0 = i * (i - 1) / 2;
            var j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; j + 4 <= i; j += 4)
                {
                    var w = vai * Vector256.Create(alpha.AsSpan(j, 4)) - Vector256.Create(row.Slice(j, 4));
                    var o = p0 + j;
                    v0 += w * Vector256.Create(d.Slice(o, 4));
                    v1 += w * Vector256.Create(d.Slice(pairs + o, 4));
                    if (p > 2) v2 += w * Vector256.Create(d.Slice(2 * pairs + o, 4));
                    if (p > 3)
                    {
                        v3 += w * Vector256.Create(d.Slice(3 * pairs + o, 4));
                        v4 += w * Vector256.Create(d.Slice(4 * pairs + o, 4));
                    }
                }
            }
            for (; j < i; j++)
            {
                var w = ai * alpha[j] - row[j];
                for (var k = 0; k < p; k++) acc[k] += w * d[k * pairs + p0 + j];
            }
        }
        acc[0] += Vector256.Sum(v0);
        acc[1] += Vector256.Sum(v1);
        if (p > 2) acc[2] += Vector256.Sum(v2);
        if (p > 3) { acc[3] += Vector256.Sum(v3); acc[4] += Vector256.Sum(v4); }
        for (var k = 0; k < p; k++) grad[k] = acc[k];
    }

    private double EventLogLikelihoodReference(EventResiduals ev, BodenmannKernel kernel, SpdWorkspace ws, Span<double> grad)
    {
        var n = ev.Count;
        var a = ws.Matrix;
        var diag = 1.0 + Nugget;
        var p = kernel.ParameterCount;
        var withGrad = !grad.IsEmpty;
        var dBuf = withGrad ? ws.Derivatives(p * (n * (n - 1) / 2)) : null;
        var pIdx = 0;
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            if (withGrad)
                for (var j = 0; j < i; j++, pIdx++) a[row + j] = kernel.ValueAndGradient(ev, pIdx, dBuf.AsSpan(pIdx * p, p));
            else
                for (var j = 0; j < i; j++, pIdx++) a[row + j] = kernel.Value(ev, pIdx);
            a[row + i] = diag;
        }
        var logDet = ws.Factor(n);
        if (double.IsNaN(logDet))
        {
            grad.Clear();
            return double.NegativeInfinity;
        }
        var ll = GaussianLogDensity(ev.Z, ws, logDet, n);
        var alpha = ws.Vector;
        if (grad.IsEmpty) return ll;

        ws.InvertFromFactor(n);
        var kinv = ws.Inverse;
        Span<double> acc = stackalloc double[5];
        acc.Clear();
        pIdx = 0;
        for (var i = 1; i < n; i++)
        {
            var row = i * n;
            var ai = alpha[i];
            for (var j = 0; j < i; j++, pIdx++)
            {
                var w = ai * alpha[j] - kinv[row + j];
                var off = pIdx * p;
                for (var k = 0; k < p; k++) acc[k] += w * dBuf![off + k];
            }
        }
        for (var k = 0; k < p; k++) grad[k] = acc[k];
        return ll;
    }
}

/// <summary>Time (ms) per phase of one serial blocked log-likelihood + gradient, summed over events.</summary>
/// <param name="FillMs">Kernel values and derivatives.</param>
/// <param name="FactorMs">Cholesky factorisation.</param>
/// <param name="SolveMs">α = K⁻¹z and the Gaussian log-density.</param>
/// <param name="InverseMs">Explicit K⁻¹ from the factor.</param>
/// <param name="TraceMs">Trace pass for the gradient.</param>
public sealed record LikelihoodPhaseTimes(double FillMs, double FactorMs, double SolveMs, double InverseMs, double TraceMs);
