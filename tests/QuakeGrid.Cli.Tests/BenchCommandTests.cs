using QuakeGrid.Cli.Tests.Support;

namespace QuakeGrid.Cli.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public async Task Bench_gmm_prints_a_throughput_row_per_size()
    {
        var run = await CliRun.RunAsync("bench", "gmm", "--sites", "1000,2000", "--repeat", "1");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("| 1,000 |", run.Out);
        Assert.Contains("| 2,000 |", run.Out);
        Assert.Contains("load average", run.Err);
    }

    [Fact]
    public async Task Bench_gmm_rejects_a_bad_site_count()
    {
        var run = await CliRun.RunAsync("bench", "gmm", "--sites", "10,abc");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--sites", run.Err);
        Assert.Contains("abc", run.Err);
    }

    [Fact]
    public async Task Bench_distances_prints_the_stage_and_the_three_kernel_widths()
    {
        var run = await CliRun.RunAsync("bench", "distances", "--ruptures", "20", "--repeat", "1");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("20 ruptures", run.Out);
        Assert.Contains("| SiteDistanceFilter.Select (whole stage) |", run.Out);
        Assert.Contains("| Rjb/Rrup loop, 8 lanes |", run.Out);
        Assert.Contains("| Rjb/Rrup loop, scalar |", run.Out);
        Assert.Contains("load average", run.Err);
    }

    [Fact]
    public async Task Bench_distances_rejects_zero_ruptures()
    {
        var run = await CliRun.RunAsync("bench", "distances", "--ruptures", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--ruptures", run.Err);
    }
}
