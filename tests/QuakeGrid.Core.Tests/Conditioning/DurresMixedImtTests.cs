using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Ruptures;
using QuakeGrid.Core.IO.Stations;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Tests.IO.Stations;
using Xunit.Abstractions;

namespace QuakeGrid.Core.Tests.Conditioning;

/// <summary>
/// Real mixed-IMT data: Durrës 2019, 2 seismic and 16 intensity-derived stations (ln sigma 0.51–0.73) with PGA, SA(0.3)
/// and SA(1.0); BSSA14, JB2009, Baker &amp; Jayaram (2008) and Goda &amp; Atkinson (2009). SA(0.6) is conditioned on the
/// bracketing SA(0.3) and SA(1.0) observations.
/// </summary>
public sealed class DurresMixedImtTests(ITestOutputHelper output)
{
    private static string Data(params string[] p) => Path.Combine(new[] { AppContext.BaseDirectory, "data" }.Concat(p).ToArray());

    [Fact]
    public void BracketedSa06FromRealStations()
    {
        var sm = new StationSiteModel(TestSiteModel.Load(Data("stations", "durres2019_site_model_stations_europe.csv")));
        var read = OpenQuakeStationCsvReader.Read(Data("stations", "durres2019_stationlist_all_filtered_50_cataldi.csv"), sm);
        var st = read.ThrowIfAnyRejected().Stations;
        var rup = NrmlRuptureReader.Read(Data("conditioning", "durres2019", "earthquake_rupture_model_GCMT.xml"));
        var targets = TestSiteModel.Load(Data("conditioning", "durres2019", "Site_model_variable_Albania.csv"));
        var gmm = GmmFactory.Create("BSSA14");
        var model = ConditioningModel.FromSpec("JB2009");

        var exact = StationConditioning.Run(st, targets, Imt.Sa(0.6), gmm, rup, model, ConditioningMethod.Exact).Field;
        Assert.Equal(new[] { Imt.Sa(0.6), Imt.Sa(0.3), Imt.Sa(1.0) }, exact.Stations.BracketedImts);
        Assert.False(exact.Stations.Native);
        var fast = StationConditioning.Run(st, targets, Imt.Sa(0.6), gmm, rup, model, ConditioningMethod.Scalable).Field;
        var dm = exact.MeanLn.Zip(fast.MeanLn, (a, b) => Math.Abs(a - b)).Max();
        var ds = exact.StdLn.Zip(fast.StdLn, (a, b) => Math.Abs(a - b) / a).Max();
        output.WriteLine($"Durres SA(0.6) from SA(0.3)+SA(1.0): mu_H = [{string.Join(", ", exact.Stations.MuH.Select(v => v.ToString("F3")))}], " +
                         $"pseudo-inverse {exact.Stations.UsedPseudoInverse}; scalable (k = 50 ≥ 18 stations) vs exact: max |d mean| {dm:E2}, max |d std|/std {ds:P2}");
        for (var j = 0; j < targets.Count; j++)
        {
            var total = Math.Sqrt(exact.Targets.Tau[j] * exact.Targets.Tau[j] + exact.Targets.Phi[j] * exact.Targets.Phi[j]);
            Assert.True(exact.StdLn[j] > 0 && exact.StdLn[j] <= total + 1e-12, $"target {j}: std {exact.StdLn[j]} vs sigma {total}");
            Assert.True(double.IsFinite(exact.MeanLn[j]));
        }
        Assert.True(dm <= 1e-6 && ds <= 1e-6, $"{dm} {ds}"); // every station is a neighbour of every target: the same kriging
    }

    [Fact]
    public void NativeSa03AtTheSeismicStationReproducesItsRecord()
    {
        var sm = new StationSiteModel(TestSiteModel.Load(Data("stations", "durres2019_site_model_stations_europe.csv")));
        var st = OpenQuakeStationCsvReader.Read(Data("stations", "durres2019_stationlist_all_filtered_50_cataldi.csv"), sm).Stations;
        var rup = NrmlRuptureReader.Read(Data("conditioning", "durres2019", "earthquake_rupture_model_GCMT.xml"));
        var i = Array.IndexOf(st.Ids, "DURR"); // seismic, SA(0.3) 0.4818 g, ln sigma 0
        var s = st.ToSiteCollection();
        var target = new SiteCollection(new[] { s.Lon[i] }, new[] { s.Lat[i] }, new[] { s.Vs30[i] }, new[] { s.Z1pt0[i] });
        var f = StationConditioning.Run(st, target, Imt.Sa(0.3), GmmFactory.Create("BSSA14"), rup, ConditioningModel.FromSpec("JB2009"),
            ConditioningMethod.Exact).Field;
        Assert.Equal(Math.Log(0.4818), f.MeanLn[0], 6);
        Assert.True(f.StdLn[0] < 1e-4);
    }
}
