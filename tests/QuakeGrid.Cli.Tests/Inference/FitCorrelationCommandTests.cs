using QuakeGrid.Cli.Tests.Support;

namespace QuakeGrid.Cli.Tests.Inference;

/// <summary>Black-box tests of <c>quakegrid fit-correlation</c> on the four-event NGA-West2 subset (T = 1 s).</summary>
public sealed class FitCorrelationCommandTests
{
    private static readonly string Data = TestData.Path("inference", "ngawest2_T100_subset.csv");

    private static void AssertFiniteRows(CsvTable t)
    {
        Assert.NotEmpty(t.Rows);
        foreach (var row in t.Rows)
        {
            Assert.Equal(t.Header.Length, row.Length);
            for (var c = 0; c < t.Header.Length; c++) Assert.True(double.IsFinite(t.Value(t.Rows.IndexOf(row), t.Header[c])));
        }
    }

    [Fact]
    public async Task MapOnlyWritesMapAndLppdButNoPosterior()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.RunAsync("fit-correlation", "--data", Data, "--model", "EAS", "--map-only", "--seed", "5", "--output", dir.Path);
        Assert.True(run.ExitCode == 0, run.ToString());

        var map = CsvTable.Read(Path.Combine(dir.Path, "map.csv"));
        Assert.Equal(["LE", "gammaE", "LA", "LS", "w"], map.Header);
        Assert.Single(map.Rows);
        AssertFiniteRows(map);
        Assert.InRange(map.Value(0, "gammaE"), 0, 2);
        Assert.InRange(map.Value(0, "w"), 0, 1);
        Assert.InRange(map.Value(0, "LA"), 0, 45);

        var lppd = CsvTable.Read(Path.Combine(dir.Path, "lppd.csv"));
        Assert.Equal(["model", "lppd", "gain_percent", "draws"], lppd.Header);
        Assert.Equal(["EAS", "independent", "semivariogram"], lppd.Rows.Select(r => r[0]));
        Assert.Equal("1", lppd.Text(0, "draws"));
        // The MAP of the correlated model must predict the data better than independence.
        Assert.True(lppd.Value(0, "lppd") > lppd.Value(1, "lppd"), run.ToString());

        Assert.False(File.Exists(Path.Combine(dir.Path, "posterior.csv")));
        Assert.False(File.Exists(Path.Combine(dir.Path, "summary.csv")));
        Png.Size(Path.Combine(dir.Path, "semivariogram.png"));
        Assert.Empty(Directory.GetDirectories(dir.Path));
        Assert.DoesNotContain(Directory.GetFiles(dir.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TinyNutsRunWritesAllFiles()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.RunAsync("fit-correlation", "--data", Data, "--model", "E", "--chains", "2", "--warmup", "100",
            "--draws", "100", "--seed", "11", "--output", dir.Path);
        Assert.True(run.ExitCode == 0, run.ToString());

        var posterior = CsvTable.Read(Path.Combine(dir.Path, "posterior.csv"));
        Assert.Equal(["LE", "gammaE"], posterior.Header);
        Assert.Equal(200, posterior.Rows.Count);
        AssertFiniteRows(posterior);

        var map = CsvTable.Read(Path.Combine(dir.Path, "map.csv"));
        Assert.Equal(posterior.Header, map.Header);
        Assert.Single(map.Rows);

        var summary = CsvTable.Read(Path.Combine(dir.Path, "summary.csv"));
        Assert.Equal(["parameter", "mean", "sd", "q05", "q50", "q95", "rhat", "ess_bulk", "ess_tail"], summary.Header);
        Assert.Equal(["LE", "gammaE"], summary.Rows.Select(r => r[0]));
        for (var r = 0; r < 2; r++)
        {
            Assert.True(summary.Value(r, "q05") <= summary.Value(r, "q50") && summary.Value(r, "q50") <= summary.Value(r, "q95"));
            Assert.True(summary.Value(r, "rhat") > 0.9 && summary.Value(r, "ess_bulk") > 0);
        }

        var lppd = CsvTable.Read(Path.Combine(dir.Path, "lppd.csv"));
        Assert.Equal("E", lppd.Text(0, "model"));
        Assert.Equal("200", lppd.Text(0, "draws"));

        foreach (var png in new[] { "trace.png", "posterior_histograms.png", "semivariogram.png" })
        {
            var (w, h) = Png.Size(Path.Combine(dir.Path, png));
            Assert.True(w >= 600 && h >= 400, $"{png}: {w}x{h}");
        }
        Assert.Contains("R-hat", run.Out);
        Assert.Contains("divergences", run.Out);
    }

    [Fact]
    public async Task BadInputWritesNothing()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.RunAsync("fit-correlation", "--data", Data, "--model", "EAX", "--seed", "1", "--output", dir.Path);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--model", run.Err);
        Assert.False(Directory.Exists(dir.Path) && Directory.EnumerateFileSystemEntries(dir.Path).Any());
    }
}
