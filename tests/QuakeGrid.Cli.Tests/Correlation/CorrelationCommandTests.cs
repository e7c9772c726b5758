using System.Globalization;
using QuakeGrid.Cli.Tests.Gmf;
using QuakeGrid.Cli.Tests.Support;

namespace QuakeGrid.Cli.Tests.Correlation;

/// <summary>Black-box tests of <c>quakegrid correlation</c>.</summary>
public sealed class CorrelationCommandTests
{
    /// <summary>
    /// JB2009 (Jayaram &amp; Baker 2009, eq. 17/18): rho = exp(−3h/b), b = 8.5 + 17.2·T km for T &lt; 1 s without
    /// clustering (PGA: 8.5 km), b = 40.7 − 15.0·T with clustering (SA(0.5): 33.2 km); h haversine on R = 6371 km.
    /// </summary>
    [Theory]
    [InlineData("PGA", false, 8.5)]
    [InlineData("SA(0.5)", true, 33.2)]
    public async Task MatrixEqualsJayaramBakerFormula(string imt, bool clustering, double range)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("s.csv"), GmfTestInputs.SitesCsv(7));
        string[] args = ["correlation", "--model", "JB2009", "--imt", imt, "--sites", dir.File("s.csv")];
        var run = await CliRun.RunAsync(clustering ? [.. args, "--vs30-clustering"] : args);
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToArray();
        Assert.Equal("site_id,s0,s1,s2,s3,s4,s5,s6", lines[0]);
        var sites = File.ReadAllLines(dir.File("s.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        for (var i = 0; i < 7; i++)
        {
            var row = lines[1 + i].Split(',');
            Assert.Equal($"s{i}", row[0]);
            for (var j = 0; j < 7; j++)
            {
                var h = GmfCommandTests.Haversine(double.Parse(sites[i][1], CultureInfo.InvariantCulture), double.Parse(sites[i][2], CultureInfo.InvariantCulture),
                    double.Parse(sites[j][1], CultureInfo.InvariantCulture), double.Parse(sites[j][2], CultureInfo.InvariantCulture));
                Assert.Equal(Math.Exp(-3 * h / range), double.Parse(row[1 + j], CultureInfo.InvariantCulture), 12);
            }
        }
    }

    [Fact]
    public async Task TooManySitesAndMissingEpicentreAreErrors()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("big.csv"), GmfTestInputs.SitesCsv(51));
        var big = await CliRun.RunAsync("correlation", "--model", "JB2009", "--sites", dir.File("big.csv"));
        Assert.Equal(2, big.ExitCode);
        Assert.Contains("at most 50", big.Err);
        File.WriteAllText(dir.File("s.csv"), GmfTestInputs.SitesCsv(3));
        var eas = await CliRun.RunAsync("correlation", "--model", "EAS", "--sites", dir.File("s.csv"));
        Assert.Equal(2, eas.ExitCode);
        Assert.Contains("--epicenter", eas.Err);
        var ok = await CliRun.RunAsync("correlation", "--model", "E", "--le", "20", "--gamma", "0.8", "--epicenter", "-122,37.8", "--sites", dir.File("s.csv"));
        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Contains("site_id,s0,s1,s2", ok.Out);
    }
}
