namespace QuakeGrid.Core.Inference.Sampling;

/// <summary>Running per-coordinate mean and variance (Welford), for the metric estimate of a warm-up window.</summary>
internal sealed class WelfordVariance
{
    private readonly double[] _mean, _m2;
    public WelfordVariance(int d) { _mean = new double[d]; _m2 = new double[d]; }
    public int Count { get; private set; }

    public void Add(ReadOnlySpan<double> x)
    {
        Count++;
        for (var i = 0; i < _mean.Length; i++)
        {
            var delta = x[i] - _mean[i];
            _mean[i] += delta / Count;
            _m2[i] += delta * (x[i] - _mean[i]);
        }
    }

    /// <summary>Stan's regularised variance: (n/(n+5))·var + 1e-3·(5/(n+5)).</summary>
    public void RegularisedVariance(Span<double> into)
    {
        var n = (double)Count;
        for (var i = 0; i < _mean.Length; i++)
        {
            var v = n > 1 ? _m2[i] / (n - 1) : 1.0;
            into[i] = n / (n + 5) * v + 1e-3 * (5 / (n + 5));
        }
    }

    public void Reset() { Count = 0; Array.Clear(_mean); Array.Clear(_m2); }
}
