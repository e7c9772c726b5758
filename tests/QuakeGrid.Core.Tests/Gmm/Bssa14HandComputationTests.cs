using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Tests.Gmm;

/// <summary>
/// BSSA14 variants without published tables (Japan basin, China/Turkey and Italy/Japan attenuation) checked against
/// hand computations of Boore et al. (2014) eq. 1-17, with the PGA and SA(1.0) coefficients typed in from
/// BSSA14_BooreEtAl2014_COEFFS.txt (Dc3 from the HighQ/LowQ tables).
/// </summary>
public sealed class Bssa14HandComputationTests
{
    // PGA row: e0..e3, e4, e5, e6, Mh, c1, c2, c3, h.
    private const double PgaE1 = 0.4856, PgaE2 = 0.2459, PgaE3 = 0.4539, PgaE4 = 1.431, PgaE5 = 0.05053, PgaE6 = -0.1662;
    private const double PgaMh = 5.5, PgaC1 = -1.134, PgaC2 = 0.1917, PgaC3 = -0.008088, PgaH = 4.5;
    private const double PgaDc3HighQ = 0.002858, PgaDc3LowQ = -0.00255;
    // SA(1.0) row.
    private const double E0 = 0.3932, E1 = 0.4218, E2 = 0.207, E3 = 0.4124, E4 = 1.5004, E5 = -0.18983, E6 = 0.17895, Mh = 6.2;
    private const double C1 = -1.193, C2 = 0.10248, C3 = -0.00121, H = 5.74, Dc3HighQ = 0.002921, Dc3LowQ = -0.0020894;
    private const double Clin = -1.05, Vc = 1109.95, F4 = -0.10521, F5 = -0.00844, F6 = 0.36695, F7 = 0.20789;
    private const double R1 = 116.39, R2 = 270.0, DfR = 0.098, DfV = 0.02, Phi1 = 0.553, Phi2 = 0.625, Tau1 = 0.498, Tau2 = 0.298;

    private static (double LnY, double Tau, double Phi, double Sigma) Run(GmmOptions options, double mag, double rake,
        double rjb, double vs30, double z1pt0, Imt imt)
    {
        var model = new BooreEtAl2014(options);
        double[] ln = new double[1], tau = new double[1], phi = new double[1], sigma = new double[1];
        model.Compute(new GmmContext([mag], [rake], [rjb], [rjb], [vs30], [z1pt0]), imt, new GmmOutput(ln, tau, phi, sigma));
        return (ln[0], tau[0], phi[0], sigma[0]);
    }

    private static void Close(double expected, double actual, double rel = 1e-12) =>
        Assert.True(Math.Abs(actual - expected) <= rel * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void JapanBasinItalyJapanAttenuationReverseM65MatchesHandComputation()
    {
        // M 6.5 reverse, Rjb 150 km (between R1 and R2), Vs30 250 m/s (between V1 and V2), z1.0 = 500 m.
        double m = 6.5, rjb = 150, vs30 = 250, z1 = 500;
        // Rock PGA: M > Mh(PGA) = 5.5.
        var feP = PgaE3 + PgaE6 * (m - PgaMh);
        var rP = Math.Sqrt(rjb * rjb + PgaH * PgaH);
        var pgaR = Math.Exp(feP + (PgaC1 + PgaC2 * (m - 4.5)) * Math.Log(rP / 1.0) + (PgaC3 + PgaDc3LowQ) * (rP - 1.0));
        // SA(1.0): M > Mh = 6.2.
        var fe = E3 + E6 * (m - Mh);
        var r = Math.Sqrt(rjb * rjb + H * H);
        var fp = (C1 + C2 * (m - 4.5)) * Math.Log(r) + (C3 + Dc3LowQ) * (r - 1.0);
        var flin = Clin * Math.Log(vs30 / 760.0);
        var f2 = F4 * (Math.Exp(F5 * (vs30 - 360.0)) - Math.Exp(F5 * (760.0 - 360.0)));
        var fnl = f2 * Math.Log((pgaR + 0.1) / 0.1);
        var muZ1Km = Math.Exp(-5.23 / 2.0 * Math.Log((vs30 * vs30 + 412.39 * 412.39) / (1360.0 * 1360.0 + 412.39 * 412.39))) / 1000.0;
        var dz1 = z1 / 1000.0 - muZ1Km;
        Assert.True(dz1 <= F7 / F6); // this point exercises the linear part f6 * dz1
        var fdz1 = F6 * dz1;
        var phi = Phi2 + DfR * Math.Log(rjb / R1) / Math.Log(R2 / R1) - DfV * Math.Log(300.0 / vs30) / Math.Log(300.0 / 225.0);

        var got = Run(new GmmOptions(BasinRegion.Japan, AttenuationRegion.ItalyJapan), m, 90, rjb, vs30, z1, Imt.Sa(1.0));
        Close(fe + fp + flin + fnl + fdz1, got.LnY);
        Close(Tau2, got.Tau);
        Close(phi, got.Phi);
        Close(Math.Sqrt(Tau2 * Tau2 + phi * phi), got.Sigma);
    }

    [Fact]
    public void CaliforniaBasinChinaTurkeyAttenuationNormalM5MatchesHandComputation()
    {
        // M 5 normal, Rjb 10 km, Vs30 400 m/s, z1.0 = 2000 m (deep basin: F_dz1 capped at f7).
        double m = 5.0, rjb = 10, vs30 = 400, z1 = 2000;
        var feP = PgaE2 + PgaE4 * (m - PgaMh) + PgaE5 * (m - PgaMh) * (m - PgaMh);
        var rP = Math.Sqrt(rjb * rjb + PgaH * PgaH);
        var pgaR = Math.Exp(feP + (PgaC1 + PgaC2 * (m - 4.5)) * Math.Log(rP) + (PgaC3 + PgaDc3HighQ) * (rP - 1.0));
        var fe = E2 + E4 * (m - Mh) + E5 * (m - Mh) * (m - Mh);
        var r = Math.Sqrt(rjb * rjb + H * H);
        var fp = (C1 + C2 * (m - 4.5)) * Math.Log(r) + (C3 + Dc3HighQ) * (r - 1.0);
        var flin = Clin * Math.Log(vs30 / 760.0);
        var fnl = F4 * (Math.Exp(F5 * (vs30 - 360.0)) - Math.Exp(F5 * 400.0)) * Math.Log((pgaR + 0.1) / 0.1);
        var a4 = Math.Pow(570.94, 4);
        var muZ1Km = Math.Exp(-7.15 / 4.0 * Math.Log((Math.Pow(vs30, 4) + a4) / (Math.Pow(1360.0, 4) + a4))) / 1000.0;
        Assert.True(z1 / 1000.0 - muZ1Km > F7 / F6); // capped branch
        var tau = Tau1 + (Tau2 - Tau1) * (m - 4.5);
        var phi = Phi1 + (Phi2 - Phi1) * (m - 4.5);

        var got = Run(new GmmOptions(BasinRegion.California, AttenuationRegion.ChinaTurkey), m, -90, rjb, vs30, z1, Imt.Sa(1.0));
        Close(fe + fp + flin + fnl + F7, got.LnY);
        Close(tau, got.Tau);
        Close(phi, got.Phi);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(35.0)]
    [InlineData(180.0)]
    public void AttenuationRegionsDifferFromGlobalOnlyByDc3(double rjb)
    {
        // At Vs30 = 760 the site terms vanish (F_lin = 0, f2 = 0), so ln Y differs only by Dc3 (R - Rref).
        var r = Math.Sqrt(rjb * rjb + H * H);
        var global = Run(new GmmOptions(), 7.0, 0, rjb, 760, double.NaN, Imt.Sa(1.0));
        var high = Run(new GmmOptions(Attenuation: AttenuationRegion.ChinaTurkey), 7.0, 0, rjb, 760, double.NaN, Imt.Sa(1.0));
        var low = Run(new GmmOptions(Attenuation: AttenuationRegion.ItalyJapan), 7.0, 0, rjb, 760, double.NaN, Imt.Sa(1.0));
        Assert.Equal(Dc3HighQ * (r - 1.0), high.LnY - global.LnY, 12);
        Assert.Equal(Dc3LowQ * (r - 1.0), low.LnY - global.LnY, 12);
        Assert.Equal(global.Tau, high.Tau);
        Assert.Equal(global.Phi, low.Phi);
        Assert.Equal(global.Sigma, high.Sigma);
        if (rjb > 0) Assert.True(high.LnY > global.LnY && low.LnY < global.LnY); // higher Q attenuates less
    }

    [Fact]
    public void NoStyleOfFaultingUsesE0AndIgnoresRake()
    {
        // Vs30 = 760: no PGAr influence, so ln Y(no SOF) - ln Y(strike-slip) = e0 - e1 exactly.
        var ss = Run(new GmmOptions(), 6.0, 10, 20, 760, double.NaN, Imt.Sa(1.0));
        var unspecified = Run(new GmmOptions(StyleOfFaulting: false), 6.0, double.NaN, 20, 760, double.NaN, Imt.Sa(1.0));
        Assert.Equal(E0 - E1, unspecified.LnY - ss.LnY, 12);
        // With the nonlinear site term the rock PGA also uses e0: compare against SOF runs it must lie between.
        var noSof200 = Run(new GmmOptions(StyleOfFaulting: false), 6.0, 0, 20, 200, double.NaN, Imt.Pga);
        var rev200 = Run(new GmmOptions(), 6.0, 90, 20, 200, double.NaN, Imt.Pga);
        var nor200 = Run(new GmmOptions(), 6.0, -90, 20, 200, double.NaN, Imt.Pga);
        Assert.InRange(noSof200.LnY, nor200.LnY, rev200.LnY); // e2 < e0 < e3 for PGA
    }

    [Fact]
    public void BasinTermOnlyForPeriodsFrom065Seconds()
    {
        foreach (var imt in new[] { Imt.Pga, Imt.Pgv, Imt.Sa(0.5), Imt.Sa(0.6) })
        {
            var none = Run(new GmmOptions(), 6.0, 0, 20, 300, 900, imt);
            var jpn = Run(new GmmOptions(BasinRegion.Japan), 6.0, 0, 20, 300, 900, imt);
            Assert.Equal(none.LnY, jpn.LnY);
        }
        var none1 = Run(new GmmOptions(), 6.0, 0, 20, 300, 900, Imt.Sa(0.65));
        var cal1 = Run(new GmmOptions(BasinRegion.California), 6.0, 0, 20, 300, 900, Imt.Sa(0.65));
        Assert.NotEqual(none1.LnY, cal1.LnY);
    }

    [Fact]
    public void Sa1AndSa10AreTheSameImt()
    {
        var a = Run(new GmmOptions(), 6.3, 45, 12, 350, double.NaN, Imt.Parse("SA(1)"));
        var b = Run(new GmmOptions(), 6.3, 45, 12, 350, double.NaN, Imt.Parse("SA(1.0)"));
        Assert.Equal(a, b);
    }
}
