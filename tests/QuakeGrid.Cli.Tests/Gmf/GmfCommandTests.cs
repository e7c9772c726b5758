using System.Globalization;
using QuakeGrid.Cli.Fields;
using QuakeGrid.Cli.Tests.Support;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Cli.Tests.Gmf;

/// <summary>Black-box tests of <c>quakegrid gmf</c>: CSV shape, determinism, .bin round trip, unit variance and correlation, errors.</summary>
public sealed class GmfCommandTests
{
    private static async Task<CliRun> Gmf(TempDirectory dir, int sites, string output, params string[] extra)
    {
        File.WriteAllText(dir.File("r.xml"), GmfTestInputs.RuptureXml);
        File.WriteAllText(dir.File("s.csv"), GmfTestInputs.SitesCsv(sites));
        string[] args = ["gmf", "--rupture", dir.File("r.xml"), "--sites", dir.File("s.csv"), "--gmm", "BSSA14", "--imt", "PGA",
            "--correlation", "JB2009", "--output", dir.File(output), .. extra];
        return await CliRun.RunAsync(args);
    }

    private static double[][] Values(CsvTable t, int events) =>
        t.Rows.Select(r => Enumerable.Range(0, events).Select(e => double.Parse(r[3 + e], CultureInfo.InvariantCulture)).ToArray()).ToArray();

    [Fact]
    public async Task CsvHasShapeAndIsDeterministicWhateverTheThreadsAndNeighbours()
    {
        using var dir = new TempDirectory();
        var a = await Gmf(dir, 24, "a.csv", "--events", "5", "--seed", "11");
        Assert.True(a.ExitCode == 0, a.ToString());
        var b = await Gmf(dir, 24, "b.csv", "--events", "5", "--seed", "11", "--threads", "1", "--neighbors", "7");
        Assert.True(b.ExitCode == 0, b.ToString());
        var c = await Gmf(dir, 24, "c.csv", "--events", "5", "--seed", "12");
        var ta = CsvTable.Read(dir.File("a.csv"));
        Assert.Equal(["site_id", "lon", "lat", "ev0", "ev1", "ev2", "ev3", "ev4"], ta.Header);
        Assert.Equal(24, ta.Rows.Count);
        Assert.Equal("s0", ta.Text(0, "site_id"));
        Assert.Equal(File.ReadAllText(dir.File("a.csv")), File.ReadAllText(dir.File("b.csv")));
        Assert.NotEqual(File.ReadAllText(dir.File("a.csv")), File.ReadAllText(dir.File("c.csv")));
        // Event e's field does not depend on how many events are drawn.
        var d = await Gmf(dir, 24, "d.csv", "--events", "2", "--seed", "11");
        var va = Values(ta, 5);
        var vd = Values(CsvTable.Read(dir.File("d.csv")), 2);
        for (var i = 0; i < 24; i++) Assert.Equal(va[i][1], vd[i][1]);
        // Vecchia is deterministic too.
        await Gmf(dir, 24, "v1.csv", "--events", "3", "--seed", "5", "--method", "vecchia", "--neighbors", "10");
        await Gmf(dir, 24, "v2.csv", "--events", "3", "--seed", "5", "--method", "vecchia", "--neighbors", "10", "--threads", "1");
        Assert.Equal(File.ReadAllText(dir.File("v1.csv")), File.ReadAllText(dir.File("v2.csv")));
    }

    [Fact]
    public async Task VecchiaUsesTheMixedRuleForEasAndNearestForJB2009()
    {
        using var dir = new TempDirectory();
        var jb = await Gmf(dir, 30, "jb.csv", "--events", "2", "--seed", "4", "--method", "vecchia");
        Assert.True(jb.ExitCode == 0, jb.ToString());
        Assert.Contains("(vecchia m=30)", jb.Out);
        File.WriteAllText(dir.File("s.csv"), GmfTestInputs.SitesCsv(30));
        string[] eas = ["gmf", "--rupture", dir.File("r.xml"), "--sites", dir.File("s.csv"), "--gmm", "BSSA14", "--imt", "SA(1.0)",
            "--correlation", "EAS", "--events", "2", "--seed", "4", "--method", "vecchia"];
        var e1 = await CliRun.RunAsync([.. eas, "--output", dir.File("eas.csv")]);
        Assert.True(e1.ExitCode == 0, e1.ToString());
        Assert.Contains("vecchia m=200 mixed rule: 107 anchors + 53 nearest + most correlated of 400 in (x, y, Vs30)", e1.Out);
        var e2 = await CliRun.RunAsync([.. eas, "--neighbors", "15", "--threads", "1", "--output", dir.File("eas15.csv")]);
        Assert.True(e2.ExitCode == 0, e2.ToString());
        Assert.Contains("vecchia m=15 mixed rule: 8 anchors + 4 nearest + most correlated of 30", e2.Out);
        Assert.Equal(30, CsvTable.Read(dir.File("eas15.csv")).Rows.Count);
    }

    [Fact]
    public async Task BinaryRoundTripEqualsCsv()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, (await Gmf(dir, 18, "f.csv", "--events", "4", "--seed", "3")).ExitCode);
        Assert.Equal(0, (await Gmf(dir, 18, "f.bin", "--events", "4", "--seed", "3")).ExitCode);
        Assert.Equal(0, (await Gmf(dir, 18, "f32.bin", "--events", "4", "--seed", "3", "--float32")).ExitCode);
        var csv = CsvTable.Read(dir.File("f.csv"));
        var bin = GmfBinaryFormat.Read(dir.File("f.bin"));
        var b32 = GmfBinaryFormat.Read(dir.File("f32.bin"));
        Assert.Equal(18, bin.Sites);
        Assert.Equal(4, bin.Events);
        Assert.Equal(32 + 16 * 18 + 8 * 18 * 4, new FileInfo(dir.File("f.bin")).Length);
        Assert.Equal(32 + 16 * 18 + 4 * 18 * 4, new FileInfo(dir.File("f32.bin")).Length);
        var v = Values(csv, 4);
        for (var i = 0; i < 18; i++)
        {
            Assert.Equal(csv.Value(i, "lon"), bin.Lon[i]);
            Assert.Equal(csv.Value(i, "lat"), bin.Lat[i]);
            for (var e = 0; e < 4; e++)
            {
                Assert.Equal(v[i][e], bin[i, e]);
                Assert.Equal((float)v[i][e], (float)b32[i, e]);
            }
        }
    }

    /// <summary>
    /// Within-event eps over E = 4,000 exact fields: each site's sample variance is within 5 standard errors of 1
    /// (se = sqrt(2/E) = 0.022), and the sample correlation of the closest and a mid-distance pair within 5 standard
    /// errors ((1 − rho²)/sqrt(E) ≤ 0.016) of the JB2009 PGA kernel exp(−3h/8.5) with h the haversine distance.
    /// </summary>
    [Fact]
    public async Task WithinComponentHasUnitVarianceAndModelCorrelation()
    {
        using var dir = new TempDirectory();
        const int events = 4000;
        var run = await Gmf(dir, 12, "w.bin", "--events", events.ToString(CultureInfo.InvariantCulture), "--seed", "99", "--output-component", "within");
        Assert.True(run.ExitCode == 0, run.ToString());
        var f = GmfBinaryFormat.Read(dir.File("w.bin"));
        Assert.Equal(GmfComponent.Within, f.Component);
        var se = Math.Sqrt(2.0 / events);
        for (var i = 0; i < f.Sites; i++)
        {
            double s = 0, ss = 0;
            for (var e = 0; e < events; e++) { s += f[i, e]; ss += f[i, e] * f[i, e]; }
            var mean = s / events;
            Assert.InRange(mean, -5 / Math.Sqrt(events), 5 / Math.Sqrt(events));
            Assert.InRange(ss / events - mean * mean, 1 - 5 * se, 1 + 5 * se);
        }
        foreach (var (i, j) in new[] { (0, 1), (0, 6), (2, 9) })
        {
            var h = Haversine(f.Lon[i], f.Lat[i], f.Lon[j], f.Lat[j]);
            var model = Math.Exp(-3.0 * h / 8.5);
            double sij = 0, si = 0, sj = 0;
            for (var e = 0; e < events; e++) { sij += f[i, e] * f[j, e]; si += f[i, e] * f[i, e]; sj += f[j, e] * f[j, e]; }
            var r = sij / Math.Sqrt(si * sj);
            Assert.InRange(r - model, -5 * (1 - model * model) / Math.Sqrt(events) - 0.01, 5 * (1 - model * model) / Math.Sqrt(events) + 0.01);
        }
    }

    internal static double Haversine(double lon1, double lat1, double lon2, double lat2)
    {
        const double d = Math.PI / 180;
        var a = Math.Pow(Math.Sin((lat2 - lat1) * d / 2), 2) + Math.Cos(lat1 * d) * Math.Cos(lat2 * d) * Math.Pow(Math.Sin((lon2 - lon1) * d / 2), 2);
        return 2 * 6371.0 * Math.Asin(Math.Sqrt(a));
    }

    [Fact]
    public async Task BadInputsAreClearErrors()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("r.xml"), GmfTestInputs.RuptureXml);
        var big = await CliRun.RunAsync("gmf", "--rupture", dir.File("r.xml"), "--sites-grid", "-122.5,37.5,-121.5,38.5,1", "--gmm", "BSSA14",
            "--imt", "PGA", "--correlation", "JB2009", "--events", "2", "--seed", "1", "--output", dir.File("x.csv"));
        Assert.Equal(2, big.ExitCode);
        Assert.Contains("use --method vecchia", big.Err);
        Assert.False(File.Exists(dir.File("x.csv")));
        var grid = await CliRun.RunAsync("gmf", "--rupture", dir.File("r.xml"), "--sites-grid", "-122,37.5,-123,38,1", "--gmm", "BSSA14",
            "--imt", "PGA", "--correlation", "JB2009", "--events", "2", "--seed", "1", "--output", dir.File("x.csv"));
        Assert.Equal(2, grid.ExitCode);
        Assert.Contains("lon1", grid.Err);
        File.WriteAllText(dir.File("s.csv"), GmfTestInputs.SitesCsv(5));
        var corr = await CliRun.RunAsync("gmf", "--rupture", dir.File("r.xml"), "--sites", dir.File("s.csv"), "--gmm", "BSSA14",
            "--imt", "PGA", "--correlation", "JB2010", "--events", "2", "--seed", "1", "--output", dir.File("x.csv"));
        Assert.Equal(2, corr.ExitCode);
        Assert.Contains("--correlation", corr.Err);
        var ext = await Gmf(dir, 5, "x.txt", "--events", "2", "--seed", "1");
        Assert.Equal(2, ext.ExitCode);
        Assert.Contains(".csv or .bin", ext.Err);
        var missing = await CliRun.RunAsync("gmf", "--rupture", dir.File("nope.xml"), "--sites", dir.File("s.csv"), "--gmm", "BSSA14",
            "--imt", "PGA", "--correlation", "JB2009", "--events", "2", "--seed", "1", "--output", dir.File("x.csv"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.xml", missing.Err);
    }

    [Fact]
    public void GridSpacingIsKmInBothDirections()
    {
        var g = SiteGrid.Parse("10,60,11,60.5,5", 760);
        // Neighbours along a row and along a column are 5 km apart (haversine) at 60° N.
        Assert.Equal(5.0, Haversine(g.Lon[0], g.Lat[0], g.Lon[1], g.Lat[1]), 3);
        var rowLength = g.Lat.TakeWhile(l => l == g.Lat[0]).Count();
        Assert.Equal(5.0, Haversine(g.Lon[0], g.Lat[0], g.Lon[rowLength], g.Lat[rowLength]), 6);
        Assert.Equal(12, rowLength); // 1° of longitude at 60° N is 55.6 km: 0, 5, ..., 55 km.
    }
}
