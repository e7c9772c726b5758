using QuakeGrid.Cli.Commands;
using QuakeGrid.Cli.Tests.Support;

namespace QuakeGrid.Cli.Tests;

/// <summary>
/// The global <c>--cluster</c> is refused, in one line with exit code 2, by every command that runs in this process
/// (wherever the option is written), and never silently ignored; the commands with a cluster path are not refused.
/// </summary>
public sealed class ClusterOptionRefusalTests
{
    [Theory]
    [InlineData("gmm", "--cluster", "127.0.0.1:1", "gmm")]
    [InlineData("gmf", "gmf", "--cluster", "127.0.0.1:1")]
    [InlineData("correlation", "--cluster", "127.0.0.1:1", "correlation", "--sites", "s.csv")]
    [InlineData("correlation-loglik", "--cluster", "127.0.0.1:1", "correlation-loglik")]
    [InlineData("bench gmm", "--cluster", "127.0.0.1:1", "bench", "gmm")]
    [InlineData("bench hazard", "bench", "hazard", "--cluster", "127.0.0.1:1")]
    public async Task In_process_commands_refuse_cluster(string command, params string[] args)
    {
        var run = await CliRun.RunAsync(args);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --cluster: '" + command + "' runs in this process", line);
        Assert.Contains("condition, fit-correlation, hazard, scenario", line);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Cluster_commands_are_not_refused()
    {
        Assert.Equal(["condition", "fit-correlation", "hazard", "scenario"], ClusterCommands.Names);
        // condition without its required options: the parser's errors, not the refusal.
        var run = await CliRun.RunAsync("--cluster", "127.0.0.1:1", "condition");
        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("runs in this process", run.ToString());
        Assert.Contains("--rupture", run.ToString());
    }
}
