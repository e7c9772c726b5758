using QuakeGrid.Core.IO.Job;

namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Probability that ln Y exceeds ln x for a lognormal ground motion with ln median μ and standard deviation σ,
/// with the truncation OpenQuake applies (<c>openquake.hazardlib.gsim.base._truncnorm_sf</c>):
/// untruncated P = 1 − Φ(ε); two-sided at n: P = (Φ(n) − Φ(ε)) / (2Φ(n) − 1) clipped to [0, 1];
/// n = 0 (or σ = 0): a step at the median, 1 below, 0 above and ½ exactly at it;
/// upper tail only at n (PEER 2018 cases 8b/8c): P = (Φ(n) − Φ(ε)) / Φ(n) for ε &lt; n, 0 otherwise.
/// ε = (ln x − μ)/σ.
/// </summary>
public readonly struct ExceedanceModel
{
    private readonly double _level;
    private readonly double _phiN;
    private readonly double _norm;

    public ExceedanceModel(double? truncationLevel, TruncationTail tail)
    {
        if (truncationLevel is < 0) throw new ArgumentException($"truncation level {truncationLevel} must not be negative");
        TruncationLevel = truncationLevel;
        Tail = tail;
        _level = truncationLevel ?? double.PositiveInfinity;
        _phiN = truncationLevel is { } n ? NormalCdf(n) : 1.0;
        _norm = tail == TruncationTail.TwoSided ? 2 * _phiN - 1 : _phiN;
    }

    public double? TruncationLevel { get; }
    public TruncationTail Tail { get; }

    /// <summary>P(ln Y &gt; <paramref name="lnIml"/>) for ln median <paramref name="lnMedian"/> and σ <paramref name="sigma"/> (ln units).</summary>
    public double Poe(double lnMedian, double sigma, double lnIml)
    {
        if (_level == 0 || sigma == 0)
            return lnMedian > lnIml ? 1.0 : lnMedian < lnIml ? 0.0 : 0.5;
        var eps = (lnIml - lnMedian) / sigma;
        if (double.IsPositiveInfinity(_level)) return 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(eps / Math.Sqrt(2));
        if (eps >= _level) return 0.0;
        if (Tail == TruncationTail.TwoSided && eps <= -_level) return 1.0;
        var p = (_phiN - NormalCdf(eps)) / _norm;
        return p < 0 ? 0 : p > 1 ? 1 : p;
    }

    /// <summary>Standard normal CDF Φ(x) = ½ erfc(−x/√2).</summary>
    public static double NormalCdf(double x) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-x / Math.Sqrt(2));
}
