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

/// <summary>Running mean and covariance (Welford), for a dense metric estimate of a warm-up window.</summary>
internal sealed class WelfordCovariance
{
    private readonly int _d;
    private readonly double[] _mean, _m2, _delta;
    public WelfordCovariance(int d) { _d = d; _mean = new double[d]; _m2 = new double[d * d]; _delta = new double[d]; }
    public int Count { get; private set; }

    public void Add(ReadOnlySpan<double> x)
    {
        Count++;
        for (var i = 0; i < _d; i++)
        {
            _delta[i] = x[i] - _mean[i];
            _mean[i] += _delta[i] / Count;
        }
        for (var i = 0; i < _d; i++)
        for (var j = 0; j < _d; j++) _m2[i * _d + j] += (x[i] - _mean[i]) * _delta[j];
    }

    /// <summary>Stan's regularised covariance: (n/(n+5))·Σ + 1e-3·(5/(n+5))·I (row-major d×d).</summary>
    public double[] RegularisedCovariance()
    {
        var n = (double)Count;
        var c = new double[_d * _d];
        for (var i = 0; i < _d; i++)
        for (var j = 0; j < _d; j++)
        {
            var v = n > 1 ? 0.5 * (_m2[i * _d + j] + _m2[j * _d + i]) / (n - 1) : (i == j ? 1.0 : 0.0);
            c[i * _d + j] = n / (n + 5) * v + (i == j ? 1e-3 * (5 / (n + 5)) : 0.0);
        }
        return c;
    }

    public void Reset() { Count = 0; Array.Clear(_mean); Array.Clear(_m2); }
}
