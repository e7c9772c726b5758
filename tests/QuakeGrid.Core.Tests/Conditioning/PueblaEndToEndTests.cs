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
/// Real data end to end: Puebla 2017 stations (OpenQuake CSV + station site model), the USGS rupture, BSSA14 and
/// JB2009. Checks properties that hold for any correct implementation: at a station recorded without error the
/// conditioned mean is the observation and the std is 0; scalable agrees with exact on the 425 target sites.
/// </summary>
public sealed class PueblaEndToEndTests(ITestOutputHelper output)
{
    private static string Data(params string[] p) => Path.Combine(new[] { AppContext.BaseDirectory, "data" }.Concat(p).ToArray());

    private static (StationSet Stations, Core.Geometry.Rupture Rupture) Load()
    {
        var sm = new StationSiteModel(TestSiteModel.Load(Data("stations", "puebla2017_site_model_stations.csv")));
        var st = OpenQuakeStationCsvReader.Read(Data("stations", "puebla2017_stationlist_seismic.csv"), sm).ThrowIfAnyRejected().Stations;
        return (st, NrmlRuptureReader.Read(Data("conditioning", "puebla2017", "earthquake_rupture_model_USGS.xml")));
    }

    [Fact]
    public void AtStationsTheConditionedFieldReproducesTheRecords()
    {
        var (st, rup) = Load();
        var idx = new[] { 0, 7, 50, 120 };
        var sites = st.ToSiteCollection();
        var targets = new SiteCollection(idx.Select(i => sites.Lon[i]).ToArray(), idx.Select(i => sites.Lat[i]).ToArray(),
            idx.Select(i => sites.Vs30[i]).ToArray(), idx.Select(i => sites.Z1pt0[i]).ToArray());
        var r = StationConditioning.Run(st, targets, Imt.Pga, GmmFactory.Create("BSSA14"), rup, ConditioningModel.FromSpec("JB2009"), ConditioningMethod.Exact);
        for (var a = 0; a < idx.Length; a++)
        {
            Assert.Equal(Math.Log(st.Value[0][idx[a]]), r.Field.MeanLn[a], 6);
            Assert.True(r.Field.StdLn[a] < 1e-4, $"std at station {st.Ids[idx[a]]} = {r.Field.StdLn[a]}");
        }
    }

    [Fact]
    public void ScalableAgreesWithExactOnTheTargetSites()
    {
        var (st, rup) = Load();
        var targets = TestSiteModel.Load(Data("conditioning", "puebla2017", "site_model.csv"));
        var gmm = GmmFactory.Create("BSSA14");
        var model = ConditioningModel.FromSpec("JB2009");
        var exact = StationConditioning.Run(st, targets, Imt.Pga, gmm, rup, model, ConditioningMethod.Exact).Field;
        var fast = StationConditioning.Run(st, targets, Imt.Pga, gmm, rup, model, ConditioningMethod.Scalable, 50).Field;
        var dm = exact.MeanLn.Zip(fast.MeanLn, (a, b) => Math.Abs(a - b)).Max();
        var ds = exact.StdLn.Zip(fast.StdLn, (a, b) => Math.Abs(a - b) / a).Max();
        output.WriteLine($"Puebla PGA, {targets.Count} targets, {st.Count} stations: nominal bias {exact.Stations.NominalBias:F3}, " +
                         $"max |d mean| {dm:E2}, max |d std|/std {ds:P3}");
        Assert.True(dm <= 0.01 && ds <= 0.02, $"{dm} {ds}");
        // The conditioned std is below the unconditioned total sigma everywhere.
        for (var j = 0; j < targets.Count; j++)
            Assert.True(exact.StdLn[j] <= Math.Sqrt(exact.Targets.Tau[j] * exact.Targets.Tau[j] + exact.Targets.Phi[j] * exact.Targets.Phi[j]) + 1e-12);
    }
}
