namespace QuakeGrid.Core.Inference.Sampling;

/// <summary>
/// Nesterov dual averaging of the log step size (Hoffman &amp; Gelman 2014, Alg. 5, Eq. 6) with Stan's constants
/// γ = 0.05, t0 = 10, κ = 0.75 and μ = ln(10 ε0).
/// </summary>
internal sealed class DualAveraging
{
    private const double Gamma = 0.05, T0 = 10, Kappa = 0.75;
    private readonly double _delta;
    private double _mu, _sBar, _xBar;
    private int _counter;

    public DualAveraging(double delta) { _delta = delta; }

    /// <summary>Restarts around step size <paramref name="eps"/>.</summary>
    public void Restart(double eps)
    {
        _mu = Math.Log(10 * eps);
        _sBar = 0; _xBar = 0; _counter = 0;
    }

    /// <summary>Updates with the last acceptance statistic; returns the next step size.</summary>
    public double Learn(double acceptStat)
    {
        _counter++;
        acceptStat = Math.Min(1, acceptStat);
        var eta = 1.0 / (_counter + T0);
        _sBar = (1 - eta) * _sBar + eta * (_delta - acceptStat);
        var x = _mu - _sBar * Math.Sqrt(_counter) / Gamma;
        var xEta = Math.Pow(_counter, -Kappa);
        _xBar = (1 - xEta) * _xBar + xEta * x;
        return Math.Exp(x);
    }

    /// <summary>The averaged step size used after warm-up.</summary>
    public double Final => Math.Exp(_xBar);
}
