using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Tests.Gmm;

public sealed class SadighBehaviourTests
{
    private static (double LnY, double Tau, double Phi, double Sigma) Run(GmmOptions options, double mag, double rake, double rrup, double vs30, Imt imt)
    {
        double[] ln = new double[1], tau = new double[1], phi = new double[1], sigma = new double[1];
        new SadighEtAl1997(options).Compute(new GmmContext([mag], [rake], [999.0], [rrup], [vs30], [double.NaN]), imt,
            new GmmOutput(ln, tau, phi, sigma));
        return (ln[0], tau[0], phi[0], sigma[0]);
    }

    [Fact]
    public void OnlyTotalSigmaIsDefinedTauAndPhiAreNaN()
    {
        var r = Run(GmmOptions.Default, 6, 0, 10, 800, Imt.Pga);
        Assert.True(double.IsNaN(r.Tau) && double.IsNaN(r.Phi));
        Assert.Equal(1.39 - 0.14 * 6, r.Sigma, 12); // rock Table 3, PGA
    }

    [Fact]
    public void RockPgaMatchesHandComputation()
    {
        // Rock, M 7 (> 6.5: high-magnitude row), reverse: PGA row c1 -1.274, c2 1.1, c3 0, c4 -2.1, c5 -0.48451, c6 0.524, c7 0.
        double m = 7.0, r = 25.0;
        var expected = -1.274 + 1.1 * m + 0.0 + -2.1 * Math.Log(r + Math.Exp(-0.48451 + 0.524 * m)) + Math.Log(1.2);
        Assert.Equal(expected, Run(GmmOptions.Default, m, 90, r, 760, Imt.Pga).LnY, 12);
    }

    [Fact]
    public void SiteClassCanBeForcedAndDefaultsToVs30Above750()
    {
        var byVs30Soil = Run(GmmOptions.Default, 6, 0, 10, 750, Imt.Sa(1.0));
        var forcedSoil = Run(new GmmOptions(SadighSite: SadighSiteClass.Soil), 6, 0, 10, 1200, Imt.Sa(1.0));
        var byVs30Rock = Run(GmmOptions.Default, 6, 0, 10, 750.001, Imt.Sa(1.0));
        var forcedRock = Run(new GmmOptions(SadighSite: SadighSiteClass.Rock), 6, 0, 10, 200, Imt.Sa(1.0));
        Assert.Equal(byVs30Soil, forcedSoil);
        Assert.Equal(byVs30Rock, forcedRock);
        Assert.NotEqual(byVs30Soil.LnY, byVs30Rock.LnY);
    }

    [Fact]
    public void PeriodOfOnlyOneSiteClassFailsForRecordsOfTheOtherClass()
    {
        var model = new SadighEtAl1997();
        var e = Assert.Throws<QuakeGridInputException>(() => model.Compute(
            new GmmContext([6.0, 6.0], [0.0, 0.0], [10.0, 10.0], [10.0, 10.0], [400.0, 800.0], [double.NaN, double.NaN]),
            Imt.Sa(0.075), new GmmOutput(new double[2], new double[2], new double[2], new double[2])));
        Assert.Equal("record 1", e.Record);
        Assert.Equal("vs30", e.Field);
        Assert.False(new SadighEtAl1997(new GmmOptions(SadighSite: SadighSiteClass.Rock)).Supports(Imt.Sa(0.075)));
        Assert.True(new SadighEtAl1997(new GmmOptions(SadighSite: SadighSiteClass.Rock)).Supports(Imt.Sa(0.07)));
    }
}
