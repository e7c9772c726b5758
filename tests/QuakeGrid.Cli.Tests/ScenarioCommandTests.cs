using System.Globalization;
using System.Text;
using System.Text.Json;
using QuakeGrid.Cli.Tests.Support;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Ruptures;
using QuakeGrid.Core.IO.SiteModel;

namespace QuakeGrid.Cli.Tests;

/// <summary>
/// Black-box tests of <c>quakegrid scenario</c> on the embedded silo (grain path): the three outputs, their columns
/// and row counts, values identical to a direct Core evaluation, and the bundled demo end to end.
/// All in one class so that the embedded silos start one after the other.
/// </summary>
public sealed class ScenarioCommandTests
{
    private static readonly string RuptureXml = SinglePlaneRuptureXml.Create(6.6, 90.0, new(-118.50, 34.25, 12.0), 90.0, 45.0,
        new(-118.65, 34.30, 5.0), new(-118.35, 34.30, 5.0), new(-118.65, 34.20, 18.8), new(-118.35, 34.20, 18.8));

    /// <summary>37 sites on an irregular pattern around the rupture, Vs30 from 180 to 1,100 m/s.</summary>
    private static string SiteModelCsv()
    {
        var sb = new StringBuilder("lon,lat,vs30\n");
        for (var i = 0; i < 37; i++)
        {
            var lon = -119.0 + 0.021 * i + 0.003 * (i % 5);
            var lat = 33.9 + 0.017 * ((i * 7) % 37);
            var vs30 = 180 + 25 * ((i * 11) % 37);
            sb.Append(lon.ToString("R", CultureInfo.InvariantCulture)).Append(',')
              .Append(lat.ToString("R", CultureInfo.InvariantCulture)).Append(',')
              .Append(vs30.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return sb.ToString();
    }

    [Fact]
    public async Task User_scenario_writes_csv_geojson_png_equal_to_direct_core_evaluation()
    {
        using var dir = new TempDirectory();
        var rupturePath = dir.File("rupture.xml");
        var sitesPath = dir.File("site_model.csv");
        File.WriteAllText(rupturePath, RuptureXml);
        File.WriteAllText(sitesPath, SiteModelCsv());
        var outDir = Path.Combine(dir.Path, "result");

        var run = await CliRun.RunAsync("scenario", "--rupture", rupturePath, "--sites", sitesPath, "--imts", "PGA,SA(1)",
            "--gmm", "BooreEtAl2014", "--tile-size", "5", "--output", outDir);
        Assert.True(run.ExitCode == 0, run.ToString());

        // Direct Core call on the same inputs.
        var rupture = NrmlRuptureReader.Read(rupturePath);
        var sites = SiteModelCsvReader.Read(sitesPath).Sites;
        var expected = ScenarioGroundMotion.Evaluate(GmmFactory.Create("BooreEtAl2014"), rupture, sites, [Imt.Pga, Imt.Sa(1.0)]);

        var csv = CsvTable.Read(Path.Combine(outDir, "scenario.csv"));
        Assert.Equal(
            ["lon", "lat", "vs30", "PGA:median", "PGA:tau", "PGA:phi", "PGA:sigma", "SA(1):median", "SA(1):tau", "SA(1):phi", "SA(1):sigma"],
            csv.Header);
        Assert.Equal(sites.Count, csv.Rows.Count);
        var labels = new[] { "PGA", "SA(1)" };
        for (var i = 0; i < sites.Count; i++)
        {
            Assert.Equal(sites.Lon[i], csv.Value(i, "lon"));
            Assert.Equal(sites.Lat[i], csv.Value(i, "lat"));
            Assert.Equal(sites.Vs30[i], csv.Value(i, "vs30"));
            for (var k = 0; k < 2; k++)
            {
                Assert.Equal(Math.Exp(expected.LnMedian[k][i]), csv.Value(i, labels[k] + ":median"));
                Assert.Equal(expected.Tau[k][i], csv.Value(i, labels[k] + ":tau"));
                Assert.Equal(expected.Phi[k][i], csv.Value(i, labels[k] + ":phi"));
                Assert.Equal(expected.Sigma[k][i], csv.Value(i, labels[k] + ":sigma"));
            }
        }

        using (var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "scenario.geojson"))))
        {
            Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
            var features = json.RootElement.GetProperty("features");
            Assert.Equal(sites.Count, features.GetArrayLength());
            var f7 = features[7];
            Assert.Equal("Point", f7.GetProperty("geometry").GetProperty("type").GetString());
            Assert.Equal(sites.Lon[7], f7.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
            Assert.Equal(sites.Lat[7], f7.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble());
            Assert.Equal(Math.Exp(expected.LnMedian[1][7]), f7.GetProperty("properties").GetProperty("SA(1):median").GetDouble());
        }

        var (w, h) = Png.Size(Path.Combine(outDir, "scenario.png"));
        Assert.True(w >= 800 && h >= 500, $"{w}x{h}");
        Png.Size(Path.Combine(outDir, "scenario_SA1.png"));
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp"));
    }

    [Fact]
    public async Task Demo_runs_end_to_end_on_12430_sites()
    {
        using var dir = new TempDirectory();
        var outDir = Path.Combine(dir.Path, "demo");
        var run = await CliRun.RunAsync("scenario", "--demo", "--output", outDir);
        Assert.True(run.ExitCode == 0, run.ToString());

        var lines = File.ReadAllLines(Path.Combine(outDir, "scenario.csv"));
        Assert.Equal(12_431, lines.Length);
        Assert.Equal("lon,lat,vs30,PGA:median,PGA:tau,PGA:phi,PGA:sigma,SA(0.3):median,SA(0.3):tau,SA(0.3):phi,SA(0.3):sigma,"
            + "SA(1.0):median,SA(1.0):tau,SA(1.0):phi,SA(1.0):sigma,SA(3.0):median,SA(3.0):tau,SA(3.0):phi,SA(3.0):sigma", lines[0]);
        Assert.StartsWith("-122.45062508233028,37.79312517260514,423.91296,", lines[1], StringComparison.Ordinal);

        var (w, h) = Png.Size(Path.Combine(outDir, "scenario.png"));
        Assert.True(w >= 800 && h >= 500, $"{w}x{h}");
        Assert.True(new FileInfo(Path.Combine(outDir, "scenario.png")).Length > 30_000, "PNG suspiciously small");
        foreach (var name in new[] { "scenario_SA0.3.png", "scenario_SA1.0.png", "scenario_SA3.0.png" })
            Png.Size(Path.Combine(outDir, name));
        Assert.Contains("medianim", run.Out, StringComparison.Ordinal);
        Assert.Contains("unknown GMM mix", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenario_without_inputs_fails_cleanly()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.RunAsync("scenario", "--output", dir.Path);
        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("--rupture", run.Err, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task Scenario_with_bad_site_file_fails_before_writing()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("rupture.xml"), RuptureXml);
        File.WriteAllText(dir.File("sites.csv"), "lon,lat,vs30\n-118.5,34.0,760\n-118.4,34.1,-5\n");
        var outDir = Path.Combine(dir.Path, "out");
        var run = await CliRun.RunAsync("scenario", "--rupture", dir.File("rupture.xml"), "--sites", dir.File("sites.csv"), "--output", outDir);
        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("sites.csv", run.Err, StringComparison.Ordinal);
        Assert.Contains("vs30", run.Err, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Scenario_with_basin_but_no_z1pt0_fails_naming_the_column()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("rupture.xml"), RuptureXml);
        File.WriteAllText(dir.File("sites.csv"), SiteModelCsv());
        var outDir = Path.Combine(dir.Path, "out");
        var run = await CliRun.RunAsync("scenario", "--rupture", dir.File("rupture.xml"), "--sites", dir.File("sites.csv"),
            "--basin", "CAL", "--imts", "SA(1.0)", "--output", outDir);
        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("sites.csv, site 1, field 'z1pt0'", run.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }
}
