using System.Globalization;
using System.Text;
using System.Xml.Linq;
using QuakeGrid.Cli.Tests.Gmf;
using QuakeGrid.Cli.Tests.Support;

namespace QuakeGrid.Cli.Tests.Condition;

/// <summary>
/// Black-box tests of <c>quakegrid condition</c> with the ShakeMap station formats (real <c>stationlist.json</c> and
/// <c>hist_dat.xml</c>), with <c>--method vecchia</c> against <c>--method exact</c>, and with bad station records.
/// Targets placed exactly at stations whose records have ln sigma 0 must reproduce the recorded value: kriging is exact
/// at a noise-free observation, so the conditional mean there is ln(observed) and the conditional std is 0, whatever the
/// GMM and the between-event term. The recorded values below are read by hand from the input files.
/// </summary>
public sealed class ConditionStationFormatTests
{
    private static string Inv(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Northridge 1994 rupture plane from ShakeMap's northridge_fault.txt corners (see data/stations/PROVENANCE.md).</summary>
    private static readonly string NorthridgeRuptureXml = SinglePlaneRuptureXml.Create(6.7, 90.0, new(-118.5357, 34.213, 18.0), 122.0, 40.0,
        new(-118.5983, 34.3867, 6.0), new(-118.4350, 34.3023, 6.0), new(-118.6983, 34.2500, 20.0), new(-118.533, 34.1633, 20.0));

    /// <summary>
    /// The OpenQuake Kahramanmaraş rupture is a complexFaultRupture whose bottom edge (16 km) lies under its top edge
    /// (1 km), point by point: a vertical fault, written here as the equivalent simpleFaultRupture (dip 90°, same trace).
    /// </summary>
    internal static string KahramanmarasSimpleFault(string complexFaultXml)
    {
        XNamespace gml = "http://www.opengis.net/gml";
        var doc = XDocument.Load(complexFaultXml);
        var lists = doc.Descendants(gml + "posList").Select(e => e.Value.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.Equal(2, lists.Length);
        Assert.Equal(lists[0].Length, lists[1].Length);
        var trace = new StringBuilder();
        for (var k = 0; k < lists[0].Length; k += 3)
        {
            Assert.Equal(lists[0][k], lists[1][k]);
            Assert.Equal(lists[0][k + 1], lists[1][k + 1]);
            trace.Append(CultureInfo.InvariantCulture, $"{lists[0][k]} {lists[0][k + 1]} ");
        }
        XNamespace nrml = "http://openquake.org/xmlns/nrml/0.4";
        var hypo = doc.Descendants(nrml + "hypocenter").Single();
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <nrml xmlns:gml="http://www.opengis.net/gml" xmlns="http://openquake.org/xmlns/nrml/0.5">
              <simpleFaultRupture>
                <magnitude>{doc.Descendants(nrml + "magnitude").Single().Value}</magnitude>
                <rake>{doc.Descendants(nrml + "rake").Single().Value}</rake>
                <hypocenter lat="{hypo.Attribute("lat")!.Value}" lon="{hypo.Attribute("lon")!.Value}" depth="{hypo.Attribute("depth")!.Value}"/>
                <simpleFaultGeometry>
                  <gml:LineString><gml:posList>{trace.ToString().Trim()}</gml:posList></gml:LineString>
                  <dip>90.0</dip>
                  <upperSeismoDepth>{lists[0][2]}</upperSeismoDepth>
                  <lowerSeismoDepth>{lists[1][2]}</lowerSeismoDepth>
                </simpleFaultGeometry>
              </simpleFaultRupture>
            </nrml>
            """;
    }

    [Fact]
    public async Task ShakeMapJsonStationsReproduceRecordsAtStations()
    {
        using var dir = new TempDirectory();
        var d = TestData.Path("stations");
        // id, lon, lat, Vs30 (m/s), greatest unflagged horizontal PGA (%g), from turkey2023_stationlist.json.
        (string Id, double Lon, double Lat, double Vs30, double PgaPercentG)[] at =
        [
            ("KO.ARPRA", 38.3356, 39.0929, 789.24, 5.0218),
            ("KO.CMRD", 34.9902, 37.6623, 442.42, 0.7499),
            ("KO.KHMN", 37.1574, 37.3916, 267.62, 62.9572),
        ];
        var sites = new StringBuilder("custom_site_id,lon,lat,vs30\n");
        foreach (var s in at) sites.Append(CultureInfo.InvariantCulture, $"{s.Id},{Inv(s.Lon)},{Inv(s.Lat)},{Inv(s.Vs30)}\n");
        sites.Append("between,36.5,37.5,400\n");
        File.WriteAllText(dir.File("t.csv"), sites.ToString());
        File.WriteAllText(dir.File("rupture.xml"), KahramanmarasSimpleFault(Path.Combine(d, "kahramanmaras2023_rupture_USGS.xml")));
        var run = await CliRun.RunAsync("condition", "--rupture", dir.File("rupture.xml"),
            "--stations", Path.Combine(d, "turkey2023_stationlist.json"), "--sites", dir.File("t.csv"),
            "--gmm", "BSSA14", "--imt", "PGA", "--correlation", "JB2009", "--output", dir.File("out"));
        Assert.True(run.ExitCode == 0, run.ToString());
        // 351 features: 89 DYFI features without amplitudes are rejected; 262 seismic stations are kept.
        Assert.Contains("stations: 262 accepted", run.Out);
        Assert.Contains("intensity-only", run.Out);
        Assert.Contains("station IU.ANTO", run.Out); // its flagged SA(0.3) amplitudes are reported
        Assert.Contains("flagged 'Outlier'", run.Out);
        var csv = CsvTable.Read(dir.File("out/conditioned.csv"));
        Assert.Equal(4, csv.Rows.Count);
        for (var i = 0; i < at.Length; i++)
        {
            Assert.Equal(Math.Log(at[i].PgaPercentG / 100.0), csv.Value(i, "mean_ln"), 3);
            Assert.InRange(csv.Value(i, "std_ln"), 0.0, 1e-3);
        }
        Assert.InRange(csv.Value(3, "std_ln"), 0.05, 1.0);
        Png.Size(dir.File("out/conditioned.png"));
    }

    [Fact]
    public async Task ShakeMapDatXmlStationsWithStationSiteModelReproduceRecordsAtStations()
    {
        using var dir = new TempDirectory();
        var xml = TestData.Path("stations", "northridge1994_hist_dat.xml");
        // A synthetic station site model: Vs30 500 m/s at every station of the file (read here with LINQ to XML).
        var stations = XDocument.Load(xml).Descendants("station")
            .Select(s => (Code: (string)s.Attribute("code")!, Lon: (double)s.Attribute("lon")!, Lat: (double)s.Attribute("lat")!)).ToArray();
        Assert.Equal(185, stations.Length);
        File.WriteAllText(dir.File("station_sites.csv"), "lon,lat,vs30\n" + string.Concat(stations.Select(s => $"{Inv(s.Lon)},{Inv(s.Lat)},500\n")));
        File.WriteAllText(dir.File("rupture.xml"), NorthridgeRuptureXml);
        // 12A (ELIZABETH LAKE): acc 25.7635 %g, at (-118.56, 34.571).
        File.WriteAllText(dir.File("t.csv"), "custom_site_id,lon,lat,vs30\n12A,-118.56,34.571,500\nfar,-118.2,34.9,500\n");
        var run = await CliRun.RunAsync("condition", "--rupture", dir.File("rupture.xml"), "--stations", xml,
            "--station-sites", dir.File("station_sites.csv"), "--sites", dir.File("t.csv"),
            "--gmm", "BSSA14", "--imt", "PGA", "--correlation", "JB2009", "--output", dir.File("out"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("stations: 185 accepted, 0 rejected", run.Out);
        var csv = CsvTable.Read(dir.File("out/conditioned.csv"));
        Assert.Equal(Math.Log(0.257635), csv.Value(0, "mean_ln"), 3);
        Assert.InRange(csv.Value(0, "std_ln"), 0.0, 1e-3);
        Assert.InRange(csv.Value(1, "std_ln"), 0.05, 1.0);
    }

    /// <summary>Puebla 2017 (148 stations, 425 targets): k = 50 nearest stations against all of them.</summary>
    [Fact]
    public async Task VecchiaMethodAgreesWithExactOnPuebla()
    {
        using var dir = new TempDirectory();
        var d = TestData.Path("puebla2017");
        async Task<CsvTable> Run(string method, string output)
        {
            var run = await CliRun.RunAsync("condition", "--rupture", Path.Combine(d, "earthquake_rupture_model_USGS.xml"),
                "--stations", Path.Combine(d, "stationlist_seismic.csv"), "--station-sites", Path.Combine(d, "site_model_stations.csv"),
                "--sites", Path.Combine(d, "site_model.csv"), "--gmm", "BSSA14", "--imt", "PGA", "--correlation", "JB2009",
                "--method", method, "--events", "5", "--output", dir.File(output));
            Assert.True(run.ExitCode == 0, run.ToString());
            return CsvTable.Read(dir.File(output + "/conditioned.csv"));
        }
        var exact = await Run("exact", "exact");
        var vecchia = await Run("vecchia", "vecchia");
        Assert.Equal(425, vecchia.Rows.Count);
        double worstMean = 0, worstStd = 0;
        for (var i = 0; i < exact.Rows.Count; i++)
        {
            Assert.Equal(exact.Value(i, "lon"), vecchia.Value(i, "lon"));
            worstMean = Math.Max(worstMean, Math.Abs(exact.Value(i, "mean_ln") - vecchia.Value(i, "mean_ln")));
            worstStd = Math.Max(worstStd, Math.Abs(vecchia.Value(i, "std_ln") / exact.Value(i, "std_ln") - 1));
        }
        Assert.True(worstMean <= 0.01, $"worst mean difference {worstMean} ln units");
        Assert.True(worstStd <= 0.02, $"worst relative std difference {worstStd}");
        var samples = CsvTable.Read(dir.File("vecchia/samples.csv"));
        Assert.Equal(425, samples.Rows.Count);
        Assert.Equal(["site_id", "lon", "lat", "ev0", "ev1", "ev2", "ev3", "ev4"], samples.Header);
    }

    private const string Header = "STATION_ID,STATION_NAME,LONGITUDE,LATITUDE,STATION_TYPE,PGA_VALUE,PGA_LN_SIGMA,VS30\n";

    private static string GoodRows() =>
        "ST0,a,-121.97,37.72,seismic,0.31,0,350\n" +
        "ST1,b,-121.955,37.75,seismic,0.22,0,390\n" +
        "ST2,c,-121.94,37.78,seismic,0.15,0.1,430\n";

    [Fact]
    public async Task BadStationRecordsAreReportedAndTheRestIsUsed()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("r.xml"), GmfTestInputs.RuptureXml);
        File.WriteAllText(dir.File("s.csv"), GmfTestInputs.SitesCsv(12));
        File.WriteAllText(dir.File("good.csv"), Header + GoodRows());
        File.WriteAllText(dir.File("bad.csv"), Header + GoodRows() +
            "ZERO,z,-121.9,37.8,seismic,0,0,400\n" +
            "NEG,n,-121.91,37.81,seismic,-0.2,0,400\n" +
            "MISS,m,-121.92,37.82,seismic,,0,400\n");
        async Task<CliRun> Run(string stations, string output) => await CliRun.RunAsync("condition", "--rupture", dir.File("r.xml"),
            "--stations", dir.File(stations), "--sites", dir.File("s.csv"), "--gmm", "BSSA14", "--imt", "PGA", "--correlation", "JB2009",
            "--output", dir.File(output));
        var good = await Run("good.csv", "good");
        var bad = await Run("bad.csv", "bad");
        Assert.True(bad.ExitCode == 0, bad.ToString());
        Assert.Contains("3 rejected", bad.Out);
        var lines = bad.Out.Split('\n').Where(l => l.Contains("rejected:")).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("bad.csv") && l.Contains("station ZERO") && l.Contains("PGA_VALUE"));
        Assert.Contains(lines, l => l.Contains("station NEG") && l.Contains("PGA_VALUE"));
        Assert.Contains(lines, l => l.Contains("station MISS") && l.Contains("PGA_VALUE") && l.Contains("missing"));
        // The accepted records are used exactly as in a file holding only them.
        var a = CsvTable.Read(dir.File("good/conditioned.csv"));
        var b = CsvTable.Read(dir.File("bad/conditioned.csv"));
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(a.Value(i, "mean_ln"), b.Value(i, "mean_ln"));
            Assert.Equal(a.Value(i, "std_ln"), b.Value(i, "std_ln"));
        }
    }

    [Fact]
    public async Task DuplicateStationIdIsAClearErrorAndNothingIsWritten()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("r.xml"), GmfTestInputs.RuptureXml);
        File.WriteAllText(dir.File("s.csv"), GmfTestInputs.SitesCsv(6));
        File.WriteAllText(dir.File("dup.csv"), Header + GoodRows() + "ST1,again,-121.9,37.8,seismic,0.2,0,400\n");
        var run = await CliRun.RunAsync("condition", "--rupture", dir.File("r.xml"), "--stations", dir.File("dup.csv"),
            "--sites", dir.File("s.csv"), "--gmm", "BSSA14", "--imt", "PGA", "--correlation", "JB2009", "--output", dir.File("out"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("dup.csv", run.Err);
        Assert.Contains("duplicate station id 'ST1'", run.Err);
        Assert.False(Directory.Exists(dir.File("out")) && Directory.EnumerateFileSystemEntries(dir.File("out")).Any());
    }

    [Fact]
    public async Task ShakeMapJsonBadAmplitudesAreReported()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("r.xml"), GmfTestInputs.RuptureXml);
        File.WriteAllText(dir.File("s.csv"), GmfTestInputs.SitesCsv(6));
        static string Feature(string id, double lon, double lat, string pga) =>
            "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + Inv(lon) + "," + Inv(lat) + "]}," +
            "\"properties\":{\"code\":\"" + id + "\",\"vs30\":400,\"channels\":[{\"name\":\"HNE\",\"amplitudes\":[{\"name\":\"pga\",\"value\":" + pga +
            ",\"units\":\"%g\",\"flag\":\"0\",\"ln_sigma\":0}]}]}}";
        var json = "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",",
            Feature("NC.OK1", -121.97, 37.72, "21.0"), Feature("NC.OK2", -121.95, 37.76, "14.5"),
            Feature("NC.ZERO", -121.93, 37.79, "0"), Feature("NC.NEG", -121.92, 37.80, "-3.0"), Feature("NC.NULL", -121.91, 37.81, "null")) + "]}";
        File.WriteAllText(dir.File("stationlist.json"), json);
        var run = await CliRun.RunAsync("condition", "--rupture", dir.File("r.xml"), "--stations", dir.File("stationlist.json"),
            "--sites", dir.File("s.csv"), "--gmm", "BSSA14", "--imt", "PGA", "--correlation", "JB2009", "--output", dir.File("out"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Out.Split('\n').Where(l => l.Contains("rejected:")).ToArray();
        Assert.Contains("stations: 2 accepted, 6 rejected", run.Out);
        // Each bad station: its amplitude (value and reason), then the station itself (no usable horizontal amplitude).
        Assert.True(6 == lines.Length, run.Out);
        foreach (var (id, value) in new[] { ("NC.ZERO", "value 0 "), ("NC.NEG", "value -3.0 "), ("NC.NULL", "value null ") })
        {
            Assert.Contains(lines, l => l.Contains("stationlist.json") && l.Contains($"station {id} (feature") && l.Contains("'channels[HNE].pga'") && l.Contains(value));
            Assert.Contains(lines, l => l.Contains($"station {id} (feature") && l.Contains("'channels'") && l.Contains("no accepted horizontal amplitude"));
        }
        Assert.Equal(6, CsvTable.Read(dir.File("out/conditioned.csv")).Rows.Count);
    }
}
