using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Tests.Correlation;

/// <summary>
/// Bodenmann et al. (2023) kernels on hand-computed cases: r = 10 km for both sites, azimuths 0° and 60° (d_E = 10 km),
/// l_E = 10 km, gamma_E = 1 → rho_E = e^−1; l_A = 30° → rho_A = 3·(2/3)^6 = 64/243; Vs30 300 vs 400, l_S = 100 → rho_S = e^−1.
/// </summary>
public class BodenmannKernelTests
{
    private static CorrelationSites TwoSites(double az1 = 0, double az2 = 60) =>
        new([0, 0], [0, 0], [0, 0], [0, 0], [300, 400], [10, 10], [az1, az2]);

    [Fact]
    public void E_EA_EAS_match_hand_computed_values()
    {
        var s = TwoSites();
        var e = new BodenmannCorrelation(BodenmannVariant.E, new(10, 1, double.NaN, double.NaN, double.NaN));
        var ea = new BodenmannCorrelation(BodenmannVariant.EA, new(10, 1, 30, double.NaN, double.NaN));
        var eas = new BodenmannCorrelation(BodenmannVariant.EAS, new(10, 1, 30, 100, 0.5));
        var rhoE = Math.Exp(-1);
        var rhoA = 64.0 / 243.0;
        Assert.Equal(rhoE, e.Rho(s, 0, s, 1), 12);
        Assert.Equal(rhoE * rhoA, ea.Rho(s, 0, s, 1), 12);
        Assert.Equal(rhoE * (0.5 * rhoA + 0.5 * Math.Exp(-1)), eas.Rho(s, 0, s, 1), 12);
        Assert.Equal(1.0, eas.Rho(s, 0, s, 0), 14);
    }

    [Fact]
    public void Angle_is_folded_into_0_180_and_rhoA_spans_1_to_0()
    {
        Assert.Equal(20, BodenmannCorrelation.AngleBetween(350, 10), 12);
        Assert.Equal(180, BodenmannCorrelation.AngleBetween(0, 180), 12);
        Assert.Equal(90, BodenmannCorrelation.AngleBetween(45, 315), 12);
        var ea = new BodenmannCorrelation(BodenmannVariant.EA, new(10, 1, 30, double.NaN, double.NaN));
        Assert.Equal(1.0, ea.RhoA(0), 14);
        Assert.Equal(0.0, ea.RhoA(180), 14);
        // Same d_E and d_A whichever way round the azimuths wrap.
        Assert.Equal(ea.Rho(TwoSites(350, 10), 0, TwoSites(350, 10), 1), ea.Rho(TwoSites(0, 20), 0, TwoSites(0, 20), 1), 12);
    }

    [Fact]
    public void Law_of_cosines_distance_equals_planar_distance_of_polar_coordinates()
    {
        var s = new CorrelationSites([0, 0], [0, 0], [0, 0], [0, 0], [300, 300], [12, 30], [10, 100]);
        var e = new BodenmannCorrelation(BodenmannVariant.E, new(10, 1, double.NaN, double.NaN, double.NaN));
        double x1 = 12 * Math.Sin(10 * Math.PI / 180), y1 = 12 * Math.Cos(10 * Math.PI / 180);
        double x2 = 30 * Math.Sin(100 * Math.PI / 180), y2 = 30 * Math.Cos(100 * Math.PI / 180);
        Assert.Equal(Math.Sqrt((x1 - x2) * (x1 - x2) + (y1 - y2) * (y1 - y2)), e.DistanceE(s, 0, s, 1), 10);
    }

    [Fact]
    public void Factory_uses_published_posterior_means_and_validates_parameters()
    {
        var k = (BodenmannCorrelation)CorrelationFactory.Parse("EAS", Imt.Sa(1.0));
        Assert.Equal(new BodenmannParameters(29.8, 0.41, 20.5, 169.2, 0.7), k.Parameters);
        var e = (BodenmannCorrelation)CorrelationFactory.Parse("E:lE=12,gammaE=0.5,distance=geodesic", Imt.Pga);
        Assert.Equal(12, e.Parameters.LE);
        Assert.Equal(BodenmannDistance.Geodesic, e.Distance);
        Assert.Throws<FormatException>(() => CorrelationFactory.Parse("EA:lE=10,gammaE=1,lA=50", Imt.Pga));
        Assert.Throws<FormatException>(() => CorrelationFactory.Parse("EAS", Imt.Sa(0.7)));
        Assert.Throws<FormatException>(() => CorrelationFactory.Parse("EAS:lE=10,gammaE=1,lA=30,lS=100", Imt.Pga));
    }

    [Fact]
    public void Factory_parses_every_model_and_rejects_unknown_options()
    {
        Assert.IsType<JayaramBaker2009Correlation>(CorrelationFactory.Parse("JB2009", Imt.Pga));
        Assert.True(((JayaramBaker2009Correlation)CorrelationFactory.Parse("jb2009:vs30-clustering", Imt.Pga)).Vs30Clustering);
        Assert.Equal(DistanceMetric.Planar, ((JayaramBaker2009Correlation)CorrelationFactory.Parse("JB2009:metric=planar", Imt.Pga)).Metric);
        Assert.IsType<HeresiMiranda2018Correlation>(CorrelationFactory.Parse("HM2018", Imt.Sa(1)));
        Assert.IsType<ExponentialCorrelation>(CorrelationFactory.Parse("Exponential:length=10", Imt.Pga));
        Assert.IsType<MaternCorrelation>(CorrelationFactory.Parse("Matern:nu=1.5,length=10", Imt.Pga));
        Assert.Throws<FormatException>(() => CorrelationFactory.Parse("JB2009:clustered", Imt.Pga));
        Assert.Throws<FormatException>(() => CorrelationFactory.Parse("XYZ", Imt.Pga));
        Assert.Throws<FormatException>(() => CorrelationFactory.Parse("Matern:nu=1,length=10", Imt.Pga));
        Assert.Throws<FormatException>(() => CorrelationFactory.Parse("Exponential:length=abc", Imt.Pga));
    }

    [Fact]
    public void Matern_closed_forms_and_ranges()
    {
        var m15 = new MaternCorrelation(1.5, 10);
        var h = 7.0;
        var s = Math.Sqrt(3) * h / 10;
        Assert.Equal((1 + s) * Math.Exp(-s), m15.RhoOfDistance(h), 14);
        Assert.Equal(new ExponentialCorrelation(10).RhoOfDistance(h), new MaternCorrelation(0.5, 10).RhoOfDistance(h), 14);
        var r = m15.RangeForCorrelation(0.05);
        Assert.Equal(0.05, m15.RhoOfDistance(r), 6);
        var jb = new JayaramBaker2009Correlation(Imt.Pga, false);
        Assert.Equal(0.05, jb.RhoOfDistance(jb.RangeForCorrelation(0.05)), 12);
    }
}
