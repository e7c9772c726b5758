using QuakeGrid.Cli.Tests.Support;

namespace QuakeGrid.Cli.Tests.Hazard;

/// <summary>
/// <c>quakegrid hazard</c> with a posterior correlation model (each event draws its Bodenmann E hyperparameters from
/// fit-correlation's posterior.csv): the job.ini value run through the hazard job grains on the embedded silo (3 tiles)
/// writes byte-identical curves, maps and event sets to the <c>--correlation</c> override run in this process; the
/// result differs from the uncorrelated run; bad values are refused before anything is written.
/// </summary>
public sealed class HazardPosteriorCorrelationTests
{
    private static string Data(string name) => TestData.Path("hazard", "posterior", name);

    private static readonly string[] Outputs = ["hazard_curve-PGA.csv", "hazard_map.csv", "events.csv"];

    [Fact]
    public async Task GrainRunOfTheJobValueEqualsTheInProcessRunOfTheOverride()
    {
        using var dir = new TempDirectory();
        var grains = Path.Combine(dir.Path, "grains");
        var local = Path.Combine(dir.Path, "local");
        var independent = Path.Combine(dir.Path, "independent");
        var viaGrains = await CliRun.RunAsync("hazard", Data("job_posterior.ini"), "--output", grains, "--tile-size", "3");
        Assert.True(viaGrains.ExitCode == 0, viaGrains.ToString());
        Assert.Contains("on the embedded silo", viaGrains.Out);
        Assert.Contains("3 tiles", viaGrains.Out);
        var inProcess = await CliRun.RunAsync("hazard", Data("job_no_correlation.ini"), "--output", local, "--in-process",
            "--correlation", "posterior:" + Data("posterior_e.csv") + ":4");
        Assert.True(inProcess.ExitCode == 0, inProcess.ToString());
        Assert.Contains("in this process", inProcess.Out);
        foreach (var name in Outputs)
            Assert.Equal(File.ReadAllBytes(Path.Combine(local, name)), File.ReadAllBytes(Path.Combine(grains, name)));

        var none = await CliRun.RunAsync("hazard", Data("job_no_correlation.ini"), "--output", independent, "--in-process");
        Assert.True(none.ExitCode == 0, none.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(local, "events.csv")), File.ReadAllBytes(Path.Combine(independent, "events.csv")));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(local, "hazard_curve-PGA.csv")), File.ReadAllBytes(Path.Combine(independent, "hazard_curve-PGA.csv")));
    }

    [Fact]
    public async Task OverrideThroughTheGrainsEqualsTheJobValue()
    {
        using var dir = new TempDirectory();
        var a = Path.Combine(dir.Path, "a");
        var b = Path.Combine(dir.Path, "b");
        var over = await CliRun.RunAsync("hazard", Data("job_no_correlation.ini"), "--output", a, "--tile-size", "4",
            "--correlation", "posterior:" + Data("posterior_e.csv") + ":4");
        Assert.True(over.ExitCode == 0, over.ToString());
        var value = await CliRun.RunAsync("hazard", Data("job_posterior.ini"), "--output", b, "--in-process", "--threads", "1");
        Assert.True(value.ExitCode == 0, value.ToString());
        foreach (var name in Outputs)
            Assert.Equal(File.ReadAllBytes(Path.Combine(b, name)), File.ReadAllBytes(Path.Combine(a, name)));
    }

    /// <summary>
    /// A model EAS posterior (fit-correlation NUTS draws at SA(1.0); kernels about each rupture's epicentre): the grains on
    /// the embedded silo (3 tiles) write the same bytes as the in-process run; the curves differ from the model E run.
    /// </summary>
    [Fact]
    public async Task EasPosteriorThroughTheGrainsEqualsTheInProcessRun()
    {
        using var dir = new TempDirectory();
        var grains = Path.Combine(dir.Path, "grains");
        var local = Path.Combine(dir.Path, "local");
        var e = Path.Combine(dir.Path, "e");
        var eas = "posterior:" + Data("posterior_eas.csv") + ":8";
        var viaGrains = await CliRun.RunAsync("hazard", Data("job_no_correlation.ini"), "--output", grains, "--tile-size", "3", "--correlation", eas);
        Assert.True(viaGrains.ExitCode == 0, viaGrains.ToString());
        Assert.Contains("on the embedded silo", viaGrains.Out);
        Assert.Contains("3 tiles", viaGrains.Out);
        var inProcess = await CliRun.RunAsync("hazard", Data("job_no_correlation.ini"), "--output", local, "--in-process", "--threads", "2", "--correlation", eas);
        Assert.True(inProcess.ExitCode == 0, inProcess.ToString());
        foreach (var name in Outputs)
            Assert.Equal(File.ReadAllBytes(Path.Combine(local, name)), File.ReadAllBytes(Path.Combine(grains, name)));
        var withE = await CliRun.RunAsync("hazard", Data("job_no_correlation.ini"), "--output", e, "--in-process",
            "--correlation", "posterior:" + Data("posterior_e.csv") + ":4");
        Assert.True(withE.ExitCode == 0, withE.ToString());
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(local, "hazard_curve-PGA.csv")), File.ReadAllBytes(Path.Combine(e, "hazard_curve-PGA.csv")));
    }

    [Theory]
    [InlineData("posterior:missing.csv", "not found")]
    [InlineData("Matern", "unsupported correlation model")]
    public async Task BadCorrelationValuesAreRefusedAndNothingIsWritten(string value, string message)
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "out");
        var run = await CliRun.RunAsync("hazard", Data("job_no_correlation.ini"), "--output", output, "--in-process", "--correlation", value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--correlation", run.Err);
        Assert.Contains(message, run.Err);
        Assert.False(Directory.Exists(output));
    }
}
