using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Core.Tests.Correlation;

/// <summary>Kernels against OpenQuake's expected matrices (data/correlation, 6 decimals as numpy's assert_array_almost_equal).</summary>
public class KernelVerificationTests
{
    private static CorrelationSites Pair(double lon1, double lat1, double lon2, double lat2) =>
        CorrelationSiteBuilder.FromSites(new SiteCollection([lon1, lon2], [lat1, lat2], [760, 760]));

    [Fact]
    public void JB2009_and_HM2018_match_OpenQuake_matrices_to_6_decimals()
    {
        var rows = TestCsv.Read("data/correlation/jayaram_baker_2009_expected_correlation.csv");
        Assert.Equal(192, rows.Count);
        var worst = 0.0;
        foreach (var r in rows)
        {
            var imt = Imt.Parse(r["imt"]);
            var sites = Pair(r.D("lon_i"), r.D("lat_i"), r.D("lon_j"), r.D("lat_j"));
            var expected = r.D("expected_rho");
            var kernels = new List<ISpatialCorrelation>();
            if (r["model"] == "JB2009")
            {
                var clustered = r["vs30_clustering"] == "True";
                kernels.Add(CorrelationFactory.Parse(clustered ? "JB2009:vs30-clustering" : "JB2009", imt));
                // OpenQuake asserts clustering does not matter for T >= 1 s.
                if (r["oq_test_method"] == "test_period_one_and_above") kernels.Add(new JayaramBaker2009Correlation(imt, true));
            }
            else
            {
                kernels.Add(CorrelationFactory.Parse("HM2018", imt));
            }
            foreach (var k in kernels)
            {
                var got = k.Rho(sites, 0, sites, 1);
                worst = Math.Max(worst, Math.Abs(got - expected));
                Assert.True(Math.Abs(got - expected) < 1.5e-6, $"{r["model"]} {imt} ({r["site_i"]},{r["site_j"]}): {got} vs {expected}");
                var row = new double[2];
                k.Row(sites, 0, sites, [0, 1], row);
                Assert.Equal(1.0, row[0], 12);
                Assert.Equal(got, row[1], 15);
            }
        }
        Assert.True(worst < 1.5e-6);
    }

    [Fact]
    public void JB2009_PGA_is_the_short_period_limit()
    {
        var sites = Pair(2, -40, 2, -40.1);
        var pga = new JayaramBaker2009Correlation(Imt.Pga, false).Rho(sites, 0, sites, 1);
        var tiny = new JayaramBaker2009Correlation(Imt.Sa(1e-50), false).Rho(sites, 0, sites, 1);
        Assert.Equal(tiny, pga, 15);
        Assert.Equal(8.5, JayaramBaker2009Correlation.Range(Imt.Pga, false), 12);
        Assert.Equal(25.7, JayaramBaker2009Correlation.Range(Imt.Pgv, false), 12);
    }

    [Fact]
    public void Cross_imt_models_match_OpenQuake()
    {
        var rows = TestCsv.Read("data/correlation/baker_jayaram_2008_cross_correlation_expected.csv");
        Assert.Equal(10, rows.Count);
        foreach (var r in rows)
        {
            var a = Imt.Parse(r["imt_from"]);
            var b = Imt.Parse(r["imt_to"]);
            var expected = r.D("expected_rho");
            if (r["model"] == "BakerJayaram2008")
            {
                var m = new QuakeGrid.Core.Correlation.CrossImt.BakerJayaram2008();
                Assert.True(Math.Abs(m.Rho(a, b) - expected) < 5e-8, $"BJ2008 {a}-{b}: {m.Rho(a, b)} vs {expected}");
                Assert.Equal(m.Rho(a, b), m.Rho(b, a), 15);
            }
            else
            {
                var m = new QuakeGrid.Core.Correlation.CrossImt.GodaAtkinson2009();
                Assert.True(Math.Abs(m.Rho(a, b) - expected) <= 1e-7 * Math.Abs(expected), $"GA2009 {a}-{b}: {m.Rho(a, b)} vs {expected}");
                Assert.Equal(1.0, m.Rho(a, a));
            }
        }
    }
}
