using System.Globalization;
using QuakeGrid.Cli.Tests.Gmf;
using QuakeGrid.Cli.Tests.Support;
using QuakeGrid.Core.Correlation;

namespace QuakeGrid.Cli.Tests.Inference;

/// <summary>Black-box tests of <c>quakegrid gmf --correlation posterior:&lt;posterior.csv&gt;</c> (issue 6).</summary>
public sealed class GmfPosteriorTests
{
    private const string Posterior = "LE,gammaE,LA,LS,w\n8,0.5,15,120,0.7\n60,1.2,30,400,0.4\n";

    private static async Task<CliRun> Gmf(TempDirectory dir, string correlation, string output, params string[] extra)
    {
        File.WriteAllText(dir.File("r.xml"), GmfTestInputs.RuptureXml);
        File.WriteAllText(dir.File("s.csv"), GmfTestInputs.SitesCsv(20));
        string[] args = ["gmf", "--rupture", dir.File("r.xml"), "--sites", dir.File("s.csv"), "--gmm", "BSSA14", "--imt", "PGA",
            "--correlation", correlation, "--output", dir.File(output), .. extra];
        return await CliRun.RunAsync(args);
    }

    private static double[] Column(CsvTable t, int e) =>
        t.Rows.Select(r => double.Parse(r[3 + e], CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// Each event's field is the field the fixed-parameter command gives that event when run with the posterior row
    /// the event drew: the per-event hyperparameters are really used, and both rows occur among 8 events.
    /// </summary>
    [Theory]
    [InlineData("exact")]
    [InlineData("vecchia")]
    public async Task EachEventUsesItsOwnPosteriorDraw(string method)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("posterior.csv"), Posterior);
        const int events = 8;
        var run = await Gmf(dir, "posterior:" + dir.File("posterior.csv"), "p.csv", "--events", $"{events}", "--seed", "21",
            "--output-component", "within", "--method", method);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("EAS posterior (2 draws)", run.Out);
        var post = PosteriorCorrelation.Read(dir.File("posterior.csv"));
        var rows = Enumerable.Range(0, events).Select(e => post.DrawIndex(21, e)).ToArray();
        Assert.Contains(0, rows);
        Assert.Contains(1, rows);
        string[] specs = ["EAS:lE=8,gammaE=0.5,lA=15,lS=120,w=0.7", "EAS:lE=60,gammaE=1.2,lA=30,lS=400,w=0.4"];
        var p = CsvTable.Read(dir.File("p.csv"));
        for (var r = 0; r < 2; r++)
        {
            var fixedRun = await Gmf(dir, specs[r], $"f{r}.csv", "--events", $"{events}", "--seed", "21", "--output-component", "within", "--method", method);
            Assert.True(fixedRun.ExitCode == 0, fixedRun.ToString());
            var f = CsvTable.Read(dir.File($"f{r}.csv"));
            for (var e = 0; e < events; e++)
            {
                if (rows[e] == r) Assert.Equal(Column(f, e), Column(p, e));
                else Assert.NotEqual(Column(f, e), Column(p, e));
            }
        }
    }

    [Fact]
    public async Task BadPosteriorFileIsAClearError()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("bad.csv"), "LE,gammaE,LA,LS,w\n20,0.5,20,150,0.6\n20,0.5,x,150,0.6\n");
        var run = await Gmf(dir, "posterior:" + dir.File("bad.csv"), "o.csv", "--events", "2", "--seed", "1");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.csv", run.Err);
        Assert.Contains("line 3", run.Err);
        Assert.Contains("LA", run.Err);
        Assert.False(File.Exists(dir.File("o.csv")));
        var missing = await Gmf(dir, "posterior:" + dir.File("none.csv"), "o.csv", "--events", "2", "--seed", "1");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("not found", missing.Err);
    }
}
