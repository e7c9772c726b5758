using QuakeGrid.Cli.Tests.Support;

namespace QuakeGrid.Cli.Tests.Hazard;

/// <summary>
/// <c>quakegrid hazard</c> runs event-based and classical jobs through the hazard job grains on the embedded silo by
/// default: the output files are byte-identical to <c>--in-process</c> (Core's calculators), the run reports the grain
/// work, and classical case_01 still matches OpenQuake's expected curves.
/// </summary>
public sealed class HazardClusterRunTests
{
    [Fact]
    public async Task EmbeddedSiloRunWritesTheSameFilesAsTheInProcessRun()
    {
        using var dir = new TempDirectory();
        var jobPath = TestData.Path("hazard", "variants", "job_event_based.ini");
        var grains = Path.Combine(dir.Path, "grains");
        var local = Path.Combine(dir.Path, "local");
        var viaGrains = await CliRun.RunAsync("hazard", jobPath, "--output", grains, "--tile-size", "3");
        Assert.True(viaGrains.ExitCode == 0, viaGrains.ToString());
        Assert.Contains("on the embedded silo", viaGrains.Out);
        Assert.Contains("2 tiles", viaGrains.Out);
        var inProcess = await CliRun.RunAsync("hazard", jobPath, "--output", local, "--in-process");
        Assert.True(inProcess.ExitCode == 0, inProcess.ToString());
        Assert.Contains("in this process", inProcess.Out);

        var names = new[] { "hazard_curve-PGA.csv", "hazard_map.csv", "hazard_map.geojson", "events.csv" };
        foreach (var name in names)
            Assert.Equal(File.ReadAllBytes(Path.Combine(local, name)), File.ReadAllBytes(Path.Combine(grains, name)));
    }

    [Fact]
    public async Task ClassicalCase01OnTheEmbeddedSiloWritesTheInProcessCurvesAndMatchesOpenQuake()
    {
        using var dir = new TempDirectory();
        var jobPath = TestData.Path("hazard", "oq_case_01", "job.ini");
        var grains = Path.Combine(dir.Path, "grains");
        var local = Path.Combine(dir.Path, "local");
        var viaGrains = await CliRun.RunAsync("hazard", jobPath, "--output", grains, "--tile-size", "1");
        Assert.True(viaGrains.ExitCode == 0, viaGrains.ToString());
        Assert.Contains("on the embedded silo", viaGrains.Out);
        Assert.Contains("4 tiles", viaGrains.Out);
        Assert.Contains("ruptures", viaGrains.Out);
        var inProcess = await CliRun.RunAsync("hazard", jobPath, "--output", local, "--in-process");
        Assert.True(inProcess.ExitCode == 0, inProcess.ToString());
        Assert.Contains("in this process", inProcess.Out);

        foreach (var imt in new[] { "PGA", "SA(0.1)" })
        {
            var name = $"hazard_curve-{imt}.csv";
            Assert.Equal(File.ReadAllBytes(Path.Combine(local, name)), File.ReadAllBytes(Path.Combine(grains, name)));
            // OpenQuake's expected curves for QA case_01 (engine output, 7 significant digits).
            var ours = OqCsv.Read(Path.Combine(grains, name));
            var expected = OqCsv.Read(TestData.Path("hazard", "oq_case_01", "expected", name));
            Assert.Equal(expected.Rows.Length, ours.Rows.Length);
            for (var s = 0; s < ours.Rows.Length; s++)
            for (var c = 3; c < ours.Rows[s].Length; c++)
                Assert.True(Math.Abs(expected.Rows[s][c] - ours.Rows[s][c]) <= 1e-5, $"{imt} site {s} column {c}: ours {ours.Rows[s][c]}, OpenQuake {expected.Rows[s][c]}");
            Assert.Contains(ours.Rows, r => r.Skip(3).Any(p => p > 0.01)); // real hazard, not zeros
        }
        Assert.False(File.Exists(Path.Combine(grains, "events.csv")));   // classical: no event set
    }

    [Fact]
    public async Task ClassicalMapsOnTheEmbeddedSiloAreTheInProcessMaps()
    {
        using var dir = new TempDirectory();
        var jobPath = TestData.Path("hazard", "variants", "job_maps.ini");
        var grains = Path.Combine(dir.Path, "grains");
        var local = Path.Combine(dir.Path, "local");
        var viaGrains = await CliRun.RunAsync("hazard", jobPath, "--output", grains, "--tile-size", "2");
        Assert.True(viaGrains.ExitCode == 0, viaGrains.ToString());
        Assert.Contains("3 tiles", viaGrains.Out);
        var inProcess = await CliRun.RunAsync("hazard", jobPath, "--output", local, "--in-process");
        Assert.True(inProcess.ExitCode == 0, inProcess.ToString());
        foreach (var name in new[] { "hazard_curve-PGA.csv", "hazard_curve-SA(0.1).csv", "hazard_map.csv", "hazard_map.geojson" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(local, name)), File.ReadAllBytes(Path.Combine(grains, name)));
    }

    [Fact]
    public async Task InProcessAndClusterTogetherAreRefused()
    {
        var run = await CliRun.RunAsync("--cluster", "127.0.0.1:1", "hazard", "--demo", "--in-process");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not both", run.Err);
    }
}
