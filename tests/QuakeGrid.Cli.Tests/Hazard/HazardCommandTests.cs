using System.Text.Json;
using QuakeGrid.Cli.Hazard;
using QuakeGrid.Cli.Tests.Support;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.IO.Job;

namespace QuakeGrid.Cli.Tests.Hazard;

/// <summary>
/// <c>quakegrid hazard</c> end to end in-process: OpenQuake-format outputs, values identical to the Core calculators',
/// OpenQuake QA classical case_01 reproduced through the CLI, maps consistent with the curves, and input errors.
/// </summary>
public sealed class HazardCommandTests
{
    private static string Case01Job => TestData.Path("hazard", "oq_case_01", "job.ini");

    [Fact]
    public async Task Case01_WritesOpenQuakeCurveCsvs_EqualToCoreAndToOpenQuakeExpected()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.RunAsync("hazard", Case01Job, "--output", dir.Path);
        Assert.True(run.ExitCode == 0, run.ToString());
        // case_01's job.ini misspells minimum_magnitude on purpose: an unknown key is a warning naming file, line and key.
        Assert.Contains("warning:", run.Err);
        Assert.Contains("unknown key 'minimun_magnitude'", run.Err);
        Assert.Contains("job.ini, line ", run.Err);

        var core = ClassicalCalculator.Run(JobIniReader.Read(Case01Job));
        foreach (var (imt, k) in new[] { ("PGA", 0), ("SA(0.1)", 1) })
        {
            var ours = OqCsv.Read(dir.File($"hazard_curve-{imt}.csv"));
            var expectedLines = File.ReadAllLines(TestData.Path("hazard", "oq_case_01", "expected", $"hazard_curve-{imt}.csv"));
            Assert.Equal(expectedLines[1], string.Join(",", ours.Header)); // lon,lat,depth,poe-0.1000000,...
            Assert.Contains($"imt='{imt}'", ours.Metadata);
            Assert.Contains("investigation_time=1.0", ours.Metadata);
            Assert.Equal(expectedLines[0].IndexOf('"'), ours.Metadata.IndexOf('"')); // same number of leading commas
            var expected = OqCsv.Read(TestData.Path("hazard", "oq_case_01", "expected", $"hazard_curve-{imt}.csv"));
            Assert.Equal(4, ours.Rows.Length);
            Assert.Equal(expected.Rows.Length, ours.Rows.Length);
            for (var s = 0; s < ours.Rows.Length; s++)
            {
                for (var c = 0; c < 3; c++) Assert.Equal(expected.Rows[s][c], ours.Rows[s][c], 1e-9);
                var curve = core.Curve(k, s);
                for (var l = 0; l < curve.Length; l++)
                {
                    Assert.Equal(curve[l], ours.Rows[s][3 + l]); // exactly the calculator's double
                    Assert.True(Math.Abs(expected.Rows[s][3 + l] - ours.Rows[s][3 + l]) <= 1e-5,
                        $"{imt} site {s} level {l}: ours {ours.Rows[s][3 + l]}, OpenQuake {expected.Rows[s][3 + l]}");
                }
            }
        }
        Assert.False(File.Exists(dir.File("events.csv")));   // classical: no event set
        Assert.False(File.Exists(dir.File("hazard_map.csv"))); // no poes in case_01
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public async Task Maps_AreLogLogInterpolationsOfTheCurves_AndGoToGeoJsonAndPng()
    {
        using var dir = new TempDirectory();
        var jobPath = TestData.Path("hazard", "variants", "job_maps.ini");
        var run = await CliRun.RunAsync("hazard", jobPath, "--output", dir.Path);
        Assert.True(run.ExitCode == 0, run.ToString());
        var job = JobIniReader.Read(jobPath);

        var map = OqCsv.Read(dir.File("hazard_map.csv"));
        Assert.Equal(["lon", "lat", "PGA-0.1", "PGA-0.02", "SA(0.1)-0.1", "SA(0.1)-0.02"], map.Header);
        Assert.Contains("investigation_time=50.0", map.Metadata);
        Assert.Equal(5, map.Rows.Length);
        var geo = JsonDocument.Parse(File.ReadAllBytes(dir.File("hazard_map.geojson"))).RootElement.GetProperty("features");
        Assert.Equal(5, geo.GetArrayLength());

        var positive = 0;
        foreach (var (imt, k) in new[] { ("PGA", 0), ("SA(0.1)", 1) })
        {
            var curves = OqCsv.Read(dir.File($"hazard_curve-{imt}.csv"));
            var levels = job.Imtls[k].Levels; // the job's exact levels (the header shows them to 7 decimals)
            Assert.Equal(3 + levels.Length, curves.Header.Length);
            for (var s = 0; s < 5; s++)
            {
                Assert.Equal(curves.Rows[s][0], map.Rows[s][0]);
                Assert.Equal(curves.Rows[s][1], map.Rows[s][1]);
                var curve = curves.Rows[s][3..];
                for (var p = 0; p < 2; p++)
                {
                    var poe = new[] { 0.1, 0.02 }[p];
                    var expected = LogLog(levels, curve, poe);
                    var actual = map.Rows[s][2 + 2 * k + p];
                    Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, expected), $"{imt}-{poe} site {s}: map {actual}, interpolated {expected}");
                    Assert.Equal(actual, geo[s].GetProperty("properties").GetProperty($"{imt}-{poe}").GetDouble());
                    if (actual > 0) positive++;
                }
            }
        }
        Assert.True(positive >= 8, $"only {positive} positive map values: the test job should cross its PoEs at most sites");
        foreach (var name in new[] { "hazard_map-PGA-0.1.png", "hazard_map-PGA-0.02.png", "hazard_map-SA(0.1)-0.1.png", "hazard_map-SA(0.1)-0.02.png" })
        {
            var (w, h) = Png.Size(dir.File(name));
            Assert.True(w >= 800 && h >= 400, $"{name}: {w}x{h}");
        }
    }

    /// <summary>
    /// Independent log-log interpolation: the level x where the curve crosses <paramref name="poe"/>, found on the
    /// segment [x_i, x_i+1] with poe_i ≥ poe ≥ poe_i+1, linear in (ln poe, ln x); 0 when the curve starts below the PoE.
    /// </summary>
    private static double LogLog(double[] levels, double[] curve, double poe)
    {
        if (curve[0] < poe) return 0;
        for (var i = 0; i + 1 < levels.Length; i++)
        {
            if (curve[i] >= poe && curve[i + 1] < poe)
            {
                var t = (Math.Log(poe) - Math.Log(curve[i])) / (Math.Log(Math.Max(curve[i + 1], 1e-30)) - Math.Log(curve[i]));
                return Math.Exp(Math.Log(levels[i]) + t * (Math.Log(levels[i + 1]) - Math.Log(levels[i])));
            }
        }
        return levels[^1];
    }

    [Fact]
    public async Task EventBased_WritesEventSetAndCurves_EqualToCore()
    {
        using var dir = new TempDirectory();
        var jobPath = TestData.Path("hazard", "variants", "job_event_based.ini");
        var run = await CliRun.RunAsync("hazard", jobPath, "--output", dir.Path, "--threads", "2");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("events", run.Out);

        var core = EventBasedCalculator.Run(JobIniReader.Read(jobPath), maxDegreeOfParallelism: 1);
        var lines = File.ReadAllLines(dir.File("events.csv"));
        Assert.Equal("rup_id,source_id,mag,lon,lat,depth,rake,annual_rate,occurrences", lines[0]);
        Assert.Equal(core.Events.Count, lines.Length - 1);
        Assert.True(core.Events.Count > 0);
        long total = 0;
        for (var i = 0; i < core.Events.Count; i++)
        {
            var f = lines[i + 1].Split(',');
            var e = core.Events[i];
            Assert.Equal(e.RuptureId, long.Parse(f[0]));
            Assert.Equal(e.SourceId, f[1]);
            Assert.Equal(e.Magnitude, double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(e.Hypocenter.Lon, double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(e.Hypocenter.Lat, double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(e.Occurrences, int.Parse(f[8]));
            total += int.Parse(f[8]);
        }
        Assert.Equal(core.EventCount, total);

        var curves = OqCsv.Read(dir.File("hazard_curve-PGA.csv"));
        Assert.Contains("calculation_mode='event_based'", curves.Metadata);
        for (var s = 0; s < 4; s++)
        {
            var expected = core.Curves.Curve(0, s);
            for (var l = 0; l < expected.Length; l++) Assert.Equal(expected[l], curves.Rows[s][3 + l]);
        }
        Assert.True(File.Exists(dir.File("hazard_map-PGA-0.2.png")));
    }

    [Fact]
    public async Task BadJobValue_IsAnInputErrorNamingFileLineAndKey_AndWritesNothing()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "out");
        var run = await CliRun.RunAsync("hazard", TestData.Path("hazard", "bad", "job_bad_value.ini"), "--output", output);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: ", run.Err);
        Assert.Contains("job_bad_value.ini", run.Err);
        Assert.Contains("line 3", run.Err);
        Assert.Contains("'truncation_level'", run.Err);
        Assert.Contains("'three'", run.Err);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task UnknownGmm_IsAnInputErrorNamingTheModel_AndWritesNothing()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "out");
        var run = await CliRun.RunAsync("hazard", TestData.Path("hazard", "bad", "job_unknown_gmm.ini"), "--output", output);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("gsim_unknown.xml", run.Err);
        Assert.Contains("unknown GMM 'AbrahamsonEtAl2014'", run.Err);
        Assert.Contains("'uncertaintyModel'", run.Err);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData(new string[0], "give a job.ini or --demo")]
    [InlineData(new[] { "job.ini", "--demo" }, "not both")]
    [InlineData(new[] { "no_such_job.ini" }, "job file not found")]
    public async Task JobOrDemo_IsRequired(string[] args, string message)
    {
        var run = await CliRun.RunAsync(["hazard", .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Err);
    }

    [Fact]
    public void Demo_IsTheNepalModelEventBasedWithJb2009OnA01DegreeGrid_AndNamesTheGmmSubstitution()
    {
        var job = JobIniReader.Read(NepalDemo.JobPath());
        Assert.Equal(CalculationMode.EventBased, job.Mode);
        Assert.Equal("JB2009", job.GroundMotionCorrelationModel);
        Assert.Equal(7076, job.Sites.Count);
        Assert.Equal(0.1, job.Sites.Lon[1] - job.Sites.Lon[0], 1e-9);
        Assert.Contains(0.1, job.Poes);
        Assert.Equal(50.0, job.InvestigationTime);
        Assert.Equal("BooreEtAl2014", Assert.Single(job.GsimBranches).GmmName);
        Assert.Equal(23, Core.IO.Nrml.NrmlSourceModelReader.Read(job.SourceModelPath).Sources.Count);
        var note = NepalDemo.SubstitutionNote(job);
        Assert.Contains("ChiouYoungs2008 (0.9)", note);
        Assert.Contains("AkkarBommer2010 (0.1)", note);
        Assert.Contains("BooreEtAl2014 (1)", note);
    }
}
