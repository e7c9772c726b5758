namespace QuakeGrid.Core.Correlation;

/// <summary>Generic exponential kernel rho(h) = exp(−h/ℓ) with length scale ℓ (km); the "practical range" (rho = 0.05) is 3ℓ.</summary>
public sealed class ExponentialCorrelation : IsotropicCorrelation
{
    public ExponentialCorrelation(double lengthKm, DistanceMetric metric = DistanceMetric.Planar) : base(metric)
    {
        if (!(lengthKm > 0) || double.IsInfinity(lengthKm)) throw new ArgumentOutOfRangeException(nameof(lengthKm), lengthKm, "length scale must be a finite positive number of km");
        LengthKm = lengthKm;
    }

    /// <summary>Length scale ℓ, km.</summary>
    public double LengthKm { get; }

    public override string Name => "Exponential";

    public override double RhoOfDistance(double h) => Math.Exp(-h / LengthKm);

    /// <summary>SIMD <see cref="RhoOfDistance"/> over a span (−h is −1·h exactly; exponential within 1 ulp).</summary>
    public override void RhoOfDistances(ReadOnlySpan<double> h, Span<double> rho) => FillExponential(h, -1.0, LengthKm, rho);

    public override double RangeForCorrelation(double rho)
    {
        if (!(rho > 0 && rho < 1)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "rho must lie in (0, 1)");
        return -LengthKm * Math.Log(rho);
    }
}
