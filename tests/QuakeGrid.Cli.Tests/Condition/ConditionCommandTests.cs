using System.Globalization;
using System.Text;
using QuakeGrid.Cli.Tests.Gmf;
using QuakeGrid.Cli.Tests.Support;
using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Ruptures;
using QuakeGrid.Core.IO.SiteModel;
using QuakeGrid.Core.IO.Stations;

namespace QuakeGrid.Cli.Tests.Condition;

/// <summary>Black-box tests of <c>quakegrid condition</c>: equality with a direct Core call, outputs, rejections, real Puebla 2017 data.</summary>
public sealed class ConditionCommandTests
{
    private static string StationsCsv()
    {
        var sb = new StringBuilder("STATION_ID,STATION_NAME,LONGITUDE,LATITUDE,STATION_TYPE,PGA_VALUE,PGA_LN_SIGMA,VS30\n");
        double[] pga = [0.31, 0.22, 0.15, 0.09, 0.27];
        for (var k = 0; k < pga.Length; k++)
            sb.Append(CultureInfo.InvariantCulture, $"ST{k},station {k},{-121.97 + 0.015 * k},{37.72 + 0.03 * k},seismic,{pga[k]},0,{350 + 40 * k}\n");
        sb.Append("BAD,bad station,-121.9,37.8,seismic,0,0,400\n");
        return sb.ToString();
    }

    [Fact]
    public async Task SyntheticCaseEqualsDirectCoreCall()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("r.xml"), GmfTestInputs.RuptureXml);
        File.WriteAllText(dir.File("s.csv"), GmfTestInputs.SitesCsv(20));
        File.WriteAllText(dir.File("st.csv"), StationsCsv());
        var run = await CliRun.RunAsync("condition", "--rupture", dir.File("r.xml"), "--stations", dir.File("st.csv"), "--sites", dir.File("s.csv"),
            "--gmm", "BSSA14", "--imt", "PGA", "--correlation", "JB2009", "--events", "3", "--seed", "8", "--output", dir.File("out"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("6 accepted, 1 rejected", run.Out); // BAD is kept without a PGA observation; its zero value is rejected
        Assert.Contains("BAD", run.Out);

        var read = StationFileReader.Read(dir.File("st.csv"));
        var direct = StationConditioning.Run(read.Stations, SiteModelCsvReader.Read(dir.File("s.csv")).Sites, Imt.Pga, GmmFactory.Create("BSSA14"),
            NrmlRuptureReader.Read(dir.File("r.xml")), ConditioningModel.FromSpec("JB2009"), ConditioningMethod.Exact, 50, 3, 8);
        var csv = CsvTable.Read(dir.File("out/conditioned.csv"));
        Assert.Equal(["lon", "lat", "mean_ln", "std_ln"], csv.Header);
        Assert.Equal(20, csv.Rows.Count);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(direct.Field.MeanLn[i], csv.Value(i, "mean_ln"));
            Assert.Equal(direct.Field.StdLn[i], csv.Value(i, "std_ln"));
        }
        var samples = CsvTable.Read(dir.File("out/samples.csv"));
        Assert.Equal(["site_id", "lon", "lat", "ev0", "ev1", "ev2"], samples.Header);
        for (var i = 0; i < 20; i++)
            for (var e = 0; e < 3; e++) Assert.Equal(direct.Samples![i * 3 + e], samples.Value(i, $"ev{e}"));
        var (w, h) = Png.Size(dir.File("out/conditioned.png"));
        Assert.True(w > 300 && h > 200);
    }

    /// <summary>Puebla 2017 (OpenQuake case_21): 148 seismic stations with Vs30 from the station site model, 425 targets.</summary>
    [Fact]
    public async Task RealPuebla2017StationsCondition()
    {
        using var dir = new TempDirectory();
        var d = TestData.Path("puebla2017");
        var run = await CliRun.RunAsync("condition", "--rupture", Path.Combine(d, "earthquake_rupture_model_USGS.xml"),
            "--stations", Path.Combine(d, "stationlist_seismic.csv"), "--station-sites", Path.Combine(d, "site_model_stations.csv"),
            "--sites", Path.Combine(d, "site_model.csv"), "--gmm", "BSSA14", "--imt", "PGA", "--correlation", "JB2009", "--output", dir.File("out"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("148 accepted, 0 rejected", run.Out);
        var csv = CsvTable.Read(dir.File("out/conditioned.csv"));
        Assert.Equal(425, csv.Rows.Count);
        Assert.False(File.Exists(dir.File("out/samples.csv")));
        Png.Size(dir.File("out/conditioned.png"));
        // Conditioning reduces the uncertainty below the unconditioned BSSA14 sigma (about 0.6-0.7 for PGA) everywhere.
        for (var i = 0; i < csv.Rows.Count; i++) Assert.InRange(csv.Value(i, "std_ln"), 0.0, 0.75);
    }
}
