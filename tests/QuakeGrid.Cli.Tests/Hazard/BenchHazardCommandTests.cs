using QuakeGrid.Cli.Tests.Support;

namespace QuakeGrid.Cli.Tests.Hazard;

/// <summary><c>quakegrid bench hazard</c> on a coarse grid and a short catalogue (the recorded figures use the defaults).</summary>
public sealed class BenchHazardCommandTests
{
    [Fact]
    public async Task Bench_hazard_reports_throughput_halo_and_the_classical_comparison()
    {
        var run = await CliRun.RunAsync("bench", "hazard", "--years", "200", "--spacing", "0.5", "--threads", "2");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("312 sites (0.5° grid), 3 IMTs, 200 years", run.Out); // 24 × 13 grid over 78–89.5 E, 25.5–31.5 N
        Assert.Contains("site-events within maximum_distance", run.Out);
        Assert.Contains("all sites × events", run.Out);
        Assert.Contains("peak working set", run.Out);
        Assert.Contains("| 1° |", run.Out); // tile halo table
        Assert.Contains("| SA(1.0) |", run.Out); // classical comparison rows
        Assert.Contains("load average at start", run.Err);
    }

    [Fact]
    public async Task Bench_hazard_rejects_a_catalogue_that_is_not_a_multiple_of_the_investigation_time()
    {
        var run = await CliRun.RunAsync("bench", "hazard", "--years", "75");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--years", run.Err);
    }
}
