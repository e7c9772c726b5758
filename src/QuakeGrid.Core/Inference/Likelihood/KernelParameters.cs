namespace QuakeGrid.Core.Inference.Likelihood;

/// <summary>
/// Hyperparameters of the Bodenmann et al. (2023) kernels in natural units, and the unconstrained coordinates the
/// sampler works in:
/// q0 = ln LE, q1 = logit(gammaE/2), q2 = ln L with LA = 180/(4 + L), q3 = ln LS, q4 = logit(w).
/// Unused parameters of smaller models are NaN.
/// </summary>
/// <param name="LE">Euclidean length scale, km (&gt; 0).</param>
/// <param name="GammaE">Exponent in (0, 2).</param>
/// <param name="LA">Angular length scale, degrees, in (0, 45).</param>
/// <param name="LS">Vs30 length scale, m/s (&gt; 0).</param>
/// <param name="W">Weight of the angular term in (0, 1).</param>
public readonly record struct KernelParameters(double LE, double GammaE, double LA = double.NaN, double LS = double.NaN, double W = double.NaN)
{
    /// <summary>Natural values as an array in the model's parameter order.</summary>
    public double[] ToArray(CorrelationModelKind kind) =>
        new[] { LE, GammaE, LA, LS, W }[..CorrelationModels.ParameterCount(kind)];

    /// <summary>Builds from natural values in the model's order.</summary>
    public static KernelParameters FromArray(CorrelationModelKind kind, ReadOnlySpan<double> v)
    {
        var p = CorrelationModels.ParameterCount(kind);
        if (v.Length != p) throw new ArgumentException($"model {kind} has {p} parameters, got {v.Length}");
        return new KernelParameters(v[0], v[1], p > 2 ? v[2] : double.NaN, p > 3 ? v[3] : double.NaN, p > 4 ? v[4] : double.NaN);
    }

    /// <summary>Checks that every parameter the model uses lies in its domain; returns the first offending name or null.</summary>
    public string? FirstInvalid(CorrelationModelKind kind)
    {
        if (!(LE > 0) || !double.IsFinite(LE)) return "LE";
        if (!(GammaE > 0 && GammaE < 2)) return "gammaE";
        if (kind == CorrelationModelKind.E) return null;
        if (!(LA > 0 && LA < 45)) return "LA";
        if (kind == CorrelationModelKind.EA) return null;
        if (!(LS > 0) || !double.IsFinite(LS)) return "LS";
        if (!(W > 0 && W < 1)) return "w";
        return null;
    }

    /// <summary>Maps to the unconstrained vector of <paramref name="kind"/>.</summary>
    public double[] ToUnconstrained(CorrelationModelKind kind)
    {
        var bad = FirstInvalid(kind);
        if (bad is not null) throw new ArgumentOutOfRangeException(bad, $"parameter {bad} outside its domain: {this}");
        var q = new double[CorrelationModels.ParameterCount(kind)];
        q[0] = Math.Log(LE);
        q[1] = Logit(GammaE / 2);
        if (q.Length > 2) q[2] = Math.Log(180.0 / LA - 4.0);
        if (q.Length > 3) { q[3] = Math.Log(LS); q[4] = Logit(W); }
        return q;
    }

    /// <summary>Maps an unconstrained vector back to natural values.</summary>
    public static KernelParameters FromUnconstrained(CorrelationModelKind kind, ReadOnlySpan<double> q)
    {
        var p = CorrelationModels.ParameterCount(kind);
        if (q.Length != p) throw new ArgumentException($"model {kind} has {p} parameters, got {q.Length}");
        return new KernelParameters(
            Math.Exp(q[0]),
            2 * Sigmoid(q[1]),
            p > 2 ? 180.0 / (4.0 + Math.Exp(q[2])) : double.NaN,
            p > 3 ? Math.Exp(q[3]) : double.NaN,
            p > 4 ? Sigmoid(q[4]) : double.NaN);
    }

    internal static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
    internal static double Logit(double p) => Math.Log(p / (1 - p));
}
