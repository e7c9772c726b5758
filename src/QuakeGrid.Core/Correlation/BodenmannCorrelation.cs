namespace QuakeGrid.Core.Correlation;

/// <summary>
/// Bodenmann, Baker &amp; Stojadinović (2023), "Accounting for path and site effects in spatial ground-motion correlation
/// models using Bayesian inference", NHESS 23:2387–2402, models E, EA and EAS:
/// <list type="bullet">
/// <item>d_E: Euclidean distance from epicentral distance r (km) and azimuth theta by the law of cosines,
/// sqrt(r_i² + r_j² − 2 r_i r_j cos(theta_i − theta_j)), or the great-circle distance (<see cref="BodenmannDistance"/>);</item>
/// <item>d_A: angle between the epicentral azimuths, degrees in [0, 180]; d_S = |Vs30_i − Vs30_j|, m/s;</item>
/// <item>rho_E = exp(−(d_E/l_E)^gamma_E); rho_A = (1 + d_A/l_A)(1 − d_A/180)^(180/l_A); rho_S = exp(−d_S/l_S);</item>
/// <item>E = rho_E; EA = rho_E·rho_A; EAS = rho_E·(w·rho_A + (1 − w)·rho_S).</item>
/// </list>
/// The kernel depends on the epicentre through <see cref="CorrelationSites.EpiDistance"/>/<see cref="CorrelationSites.EpiAzimuth"/>,
/// so a factor built with it is valid for one epicentre only (see <c>Gp.Vecchia.VecchiaFactor</c>).
/// </summary>
public sealed class BodenmannCorrelation : ISpatialCorrelation
{
    public BodenmannCorrelation(BodenmannVariant variant, BodenmannParameters parameters, BodenmannDistance distance = BodenmannDistance.Epicentral)
    {
        parameters.Validate(variant);
        Variant = variant;
        Parameters = parameters;
        Distance = distance;
        _aExp = 180.0 / parameters.LA;
    }

    private readonly double _aExp;

    public BodenmannVariant Variant { get; }
    public BodenmannParameters Parameters { get; }
    public BodenmannDistance Distance { get; }

    public string Name => Variant.ToString();

    public double Rho(CorrelationSites a, int i, CorrelationSites b, int j)
    {
        var dE = DistanceE(a, i, b, j);
        var rhoE = Math.Exp(-Math.Pow(dE / Parameters.LE, Parameters.GammaE));
        if (Variant == BodenmannVariant.E) return rhoE;
        var rhoA = RhoA(AngleBetween(a.EpiAzimuth[i], b.EpiAzimuth[j]));
        if (Variant == BodenmannVariant.EA) return rhoE * rhoA;
        var rhoS = Math.Exp(-Math.Abs(a.Vs30[i] - b.Vs30[j]) / Parameters.LS);
        return rhoE * (Parameters.W * rhoA + (1 - Parameters.W) * rhoS);
    }

    public void Row(CorrelationSites a, int i, CorrelationSites b, ReadOnlySpan<int> js, Span<double> into)
    {
        for (var k = 0; k < js.Length; k++) into[k] = Rho(a, i, b, js[k]);
    }

    /// <summary>Bound on d_E for rho ≤ <paramref name="rho"/>: l_E·(−ln rho)^(1/gamma_E), km (rho_A and rho_S never exceed 1).</summary>
    public double RangeForCorrelation(double rho)
    {
        if (!(rho > 0 && rho < 1)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "rho must lie in (0, 1)");
        return Parameters.LE * Math.Pow(-Math.Log(rho), 1.0 / Parameters.GammaE);
    }

    /// <summary>d_E between two sites, km.</summary>
    public double DistanceE(CorrelationSites a, int i, CorrelationSites b, int j)
    {
        if (Distance == BodenmannDistance.Geodesic) return SiteDistance.Between(DistanceMetric.Geodesic, a, i, b, j);
        double ri = a.EpiDistance[i], rj = b.EpiDistance[j];
        var dTheta = (a.EpiAzimuth[i] - b.EpiAzimuth[j]) * (Math.PI / 180.0);
        var s = ri * ri + rj * rj - 2 * ri * rj * Math.Cos(dTheta);
        return Math.Sqrt(Math.Max(0.0, s));
    }

    /// <summary>Angle between two azimuths (degrees), folded into [0, 180].</summary>
    public static double AngleBetween(double azimuthI, double azimuthJ)
    {
        var d = Math.Abs(azimuthI - azimuthJ) % 360.0;
        return d > 180.0 ? 360.0 - d : d;
    }

    /// <summary>rho_A(d_A) = (1 + d_A/l_A)(1 − d_A/180)^(180/l_A).</summary>
    public double RhoA(double dA) => (1 + dA / Parameters.LA) * Math.Pow(Math.Max(0.0, 1 - dA / 180.0), _aExp);
}
