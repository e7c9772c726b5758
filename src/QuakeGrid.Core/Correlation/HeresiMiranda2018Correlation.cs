using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Correlation;

/// <summary>
/// Heresi &amp; Miranda (2018), "Uncertainty in intraevent spatial correlation of elastic pseudo-acceleration spectral
/// ordinates" (Bull. Earthq. Eng. 17, 2019), median model as OpenQuake's <c>HM2018CorrelationModel</c> with
/// uncertainty_multiplier = 0: rho(h) = exp(−(h/β)^0.55) (eq. 8), β (km) the median of eq. 9:
/// T &lt; 1.37 s: β = 4.231T² − 5.180T + 13.392; otherwise β = 0.140T² − 2.249T + 17.050. PGA uses T = 0.
/// </summary>
public sealed class HeresiMiranda2018Correlation : IsotropicCorrelation
{
    public HeresiMiranda2018Correlation(Imt imt, DistanceMetric metric = DistanceMetric.Geodesic) : base(metric)
    {
        if (imt.Kind == ImtKind.Pgv) throw new ArgumentException("HM2018 is defined for PGA and SA only, not PGV", nameof(imt));
        Imt = imt;
        var t = imt.Kind == ImtKind.Pga ? 0.0 : imt.Period;
        BetaKm = t < 1.37 ? 4.231 * t * t - 5.180 * t + 13.392 : 0.140 * t * t - 2.249 * t + 17.050;
    }

    public Imt Imt { get; }

    /// <summary>Median β of eq. 9, km.</summary>
    public double BetaKm { get; }

    public override string Name => "HM2018";

    public override double RhoOfDistance(double h) => Math.Exp(-Math.Pow(h / BetaKm, 0.55));

    public override double RangeForCorrelation(double rho)
    {
        if (!(rho > 0 && rho < 1)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "rho must lie in (0, 1)");
        return BetaKm * Math.Pow(-Math.Log(rho), 1.0 / 0.55);
    }
}
