using QuakeGrid.Cli.Tests.Support;

namespace QuakeGrid.Cli.Tests.Hazard;

/// <summary>
/// <c>quakegrid hazard</c> runs event-based jobs through the hazard job grains on the embedded silo by default: the
/// output files are byte-identical to <c>--in-process</c> (Core's calculator), the run reports the grain work, and
/// classical jobs are refused for a cluster run with a clear message.
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
    public async Task ClassicalJobWithClusterIsRefusedAndWritesNothing()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "out");
        var run = await CliRun.RunAsync("--cluster", "127.0.0.1:1", "hazard", TestData.Path("hazard", "oq_case_01", "job.ini"), "--output", output);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("classical jobs run in this process only", run.Err);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task InProcessAndClusterTogetherAreRefused()
    {
        var run = await CliRun.RunAsync("--cluster", "127.0.0.1:1", "hazard", "--demo", "--in-process");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not both", run.Err);
    }
}
