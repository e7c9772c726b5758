using QuakeGrid.Cli.Tests.Support;

namespace QuakeGrid.Cli.Tests.Inference;

/// <summary>
/// <c>quakegrid fit-correlation --embedded</c> (the <c>--cluster</c> code path: one event grain per event, the
/// coordinator sums per-event log-likelihoods and gradients in ascending event-id order) against the local run on the
/// four-event NGA-West2 subset: the output files are byte-identical, for the MAP (L-BFGS) and for a short NUTS run
/// whose chains call the distributed likelihood in parallel.
/// </summary>
public sealed class FitCorrelationClusterTests
{
    private static readonly string Data = TestData.Path("inference", "ngawest2_T100_subset.csv");

    private static async Task AssertSameOutputs(string[] files, params string[] args)
    {
        using var dir = new TempDirectory();
        var local = Path.Combine(dir.Path, "local");
        var grains = Path.Combine(dir.Path, "grains");
        var l = await CliRun.RunAsync(["fit-correlation", "--data", Data, .. args, "--output", local]);
        Assert.True(l.ExitCode == 0, l.ToString());
        var g = await CliRun.RunAsync(["fit-correlation", "--data", Data, .. args, "--output", grains, "--embedded"]);
        Assert.True(g.ExitCode == 0, g.ToString());
        Assert.Contains("4 event grains on the embedded silo", g.Out);
        Assert.DoesNotContain("event grains", l.Out);
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(local, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(grains, f))),
                $"{f} differs:\n{File.ReadAllText(Path.Combine(local, f))}\nvs\n{File.ReadAllText(Path.Combine(grains, f))}");
    }

    [Fact]
    public Task MapOnlyThroughEventGrainsIsBitIdenticalToTheLocalRun() =>
        AssertSameOutputs(["map.csv", "lppd.csv"], "--model", "EAS", "--map-only", "--seed", "5");

    [Fact]
    public Task NutsThroughEventGrainsIsBitIdenticalToTheLocalRun() =>
        AssertSameOutputs(["map.csv", "posterior.csv", "summary.csv", "lppd.csv"],
            "--model", "E", "--chains", "2", "--warmup", "20", "--draws", "20", "--seed", "11");

    [Fact]
    public async Task EmbeddedAndClusterTogetherAreRefused()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.RunAsync("--cluster", "127.0.0.1:1", "fit-correlation", "--data", Data, "--model", "E", "--map-only",
            "--seed", "1", "--output", dir.Path, "--embedded");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("either --embedded or --cluster", run.Err);
    }
}
