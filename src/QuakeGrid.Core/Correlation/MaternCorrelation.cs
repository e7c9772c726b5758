namespace QuakeGrid.Core.Correlation;

/// <summary>
/// Matérn kernel with smoothness ν ∈ {0.5, 1.5, 2.5} and length scale ℓ (km), in the closed forms (Rasmussen &amp;
/// Williams 2006, eqs. 4.16–4.17): ν = 0.5: exp(−h/ℓ); ν = 1.5: (1 + √3h/ℓ)·exp(−√3h/ℓ);
/// ν = 2.5: (1 + √5h/ℓ + 5h²/(3ℓ²))·exp(−√5h/ℓ).
/// </summary>
public sealed class MaternCorrelation : IsotropicCorrelation
{
    public MaternCorrelation(double nu, double lengthKm, DistanceMetric metric = DistanceMetric.Planar) : base(metric)
    {
        if (nu != 0.5 && nu != 1.5 && nu != 2.5) throw new ArgumentOutOfRangeException(nameof(nu), nu, "Matérn smoothness must be 0.5, 1.5 or 2.5 (closed forms)");
        if (!(lengthKm > 0) || double.IsInfinity(lengthKm)) throw new ArgumentOutOfRangeException(nameof(lengthKm), lengthKm, "length scale must be a finite positive number of km");
        Nu = nu;
        LengthKm = lengthKm;
    }

    public double Nu { get; }
    public double LengthKm { get; }

    public override string Name => "Matern";

    public override double RhoOfDistance(double h)
    {
        var r = h / LengthKm;
        if (Nu == 0.5) return Math.Exp(-r);
        if (Nu == 1.5)
        {
            var s = Math.Sqrt(3.0) * r;
            return (1 + s) * Math.Exp(-s);
        }
        var t = Math.Sqrt(5.0) * r;
        return (1 + t + t * t / 3.0) * Math.Exp(-t);
    }
}
