using System.Globalization;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gp.Benchmarks;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Sites;
using Xunit.Abstractions;

namespace QuakeGrid.Core.Tests.Gp;

/// <summary>
/// EAS (Bodenmann et al. 2023, SA(1.0) posterior means) on 2,500 real Hayward sites with real Vs30 (data/gp).
/// The Vs30 and azimuth terms weaken screening (worst errors stay well above 0.02 at m = 30; see Gp/README.md):
/// this test checks that KL falls with m and that the factor is valid; the measured table is written to the test output.
/// </summary>
public class VecchiaEasHaywardTests(ITestOutputHelper output)
{
    private static CorrelationSites HaywardSites()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data/gp/hayward_sites_2500.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        var lat = lines.Select(c => double.Parse(c[0], CultureInfo.InvariantCulture)).ToArray();
        var lon = lines.Select(c => double.Parse(c[1], CultureInfo.InvariantCulture)).ToArray();
        var vs = lines.Select(c => double.Parse(c[2], CultureInfo.InvariantCulture)).ToArray();
        // Epicentre: the rupture file's hypocentre (37.8273 N, 122.2128 W).
        return CorrelationSiteBuilder.FromSites(new SiteCollection(lon, lat, vs, source: "hayward_sites_2500.csv"), epicentre: new GeoPoint(-122.2128, 37.8273));
    }

    [Fact]
    public void EAS_on_real_Vs30_KL_falls_with_m_and_factor_is_valid()
    {
        var sites = HaywardSites();
        Assert.Equal(2500, sites.Count);
        var kernel = CorrelationFactory.Parse("EAS", Imt.Sa(1.0));
        var rows = VecchiaAccuracyStudy.Run(sites, kernel, [10, 30, 50], worstErrorFor: m => m == 30);
        output.WriteLine(VecchiaAccuracyStudy.ToMarkdown("EAS SA(1.0), Hayward 2500 sites, nearest rule", rows));
        Assert.True(rows[0].Report.KlDivergence > rows[1].Report.KlDivergence);
        Assert.True(rows[1].Report.KlDivergence > rows[2].Report.KlDivergence);
        Assert.All(rows, r => Assert.True(r.Report.KlDivergence > 0));
        var st = VecchiaStructure.Build(sites.X, sites.Y, new VecchiaOptions(30));
        var f = VecchiaFactor.Compute(st, sites, kernel);
        Assert.All(f.ConditionalVariance, d => Assert.InRange(d, 0.0, 1.0));
    }
}
