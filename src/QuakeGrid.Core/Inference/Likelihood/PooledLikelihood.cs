using System.Collections.Concurrent;
using QuakeGrid.Core.Inference.Data;

namespace QuakeGrid.Core.Inference.Likelihood;

/// <summary>
/// Exact pooled log-likelihood of Bodenmann, Baker &amp; Stojadinović (2023, Eq. 11): events independent, sharing the
/// hyperparameters; per event z ~ N(0, K_θ + nugget·I). One Cholesky factorisation per event; the gradient with
/// respect to the unconstrained coordinates q is ∂ℓ/∂q_k = ½ tr((ααᵀ − K⁻¹) ∂K/∂q_k), α = K⁻¹z (Rasmussen &amp;
/// Williams 2006, Eq. 5.9). Events are evaluated in parallel (largest first); per-event results are summed in
/// ascending event-id order, so the value does not depend on thread scheduling.
/// </summary>
public sealed class PooledLikelihood
{
    /// <summary>Nugget of the paper (added to the diagonal of each event's correlation matrix).</summary>
    public const double DefaultNugget = 1e-6;

    private readonly PooledResidualData _data;
    private readonly int[] _order;
    private readonly ConcurrentBag<SpdWorkspace> _pool = new();
    private readonly ParallelOptions _parallel;

    /// <summary>Creates the likelihood of <paramref name="kind"/> on <paramref name="data"/>.</summary>
    public PooledLikelihood(PooledResidualData data, CorrelationModelKind kind, double nugget = DefaultNugget, int maxDegreeOfParallelism = -1)
    {
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
        if (_serial) { for (var t = 0; t < _order.Length; t++) body(t); }
        else Parallel.For(0, _order.Length, _parallel, body);
    }

    /// <summary>Model.</summary>
    public CorrelationModelKind Kind { get; }
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
    internal double EventLogLikelihood(EventResiduals ev, BodenmannKernel kernel, SpdWorkspace ws, Span<double> grad)
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
        ev.Z.AsSpan().CopyTo(ws.Vector);
        ws.Solve(n);
        var alpha = ws.Vector;
        var quad = 0.0;
        for (var i = 0; i < n; i++) quad += ev.Z[i] * alpha[i];
        var ll = -0.5 * (quad + logDet + n * Math.Log(2 * Math.PI));
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
