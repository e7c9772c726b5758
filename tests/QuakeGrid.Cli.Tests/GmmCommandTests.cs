using System.Globalization;
using System.Text;
using QuakeGrid.Cli.Tests.Support;
using Xunit.Abstractions;

namespace QuakeGrid.Cli.Tests;

/// <summary>
/// Black-box tests of <c>quakegrid gmm</c>: outputs against OpenQuake's BSSA14 verification tables (Boore's Fortran),
/// to 0.1 %, and every bad-input case of the CLI contract.
/// </summary>
public sealed class GmmCommandTests(ITestOutputHelper log)
{
    private const double Tolerance = 1e-3; // |computed/expected - 1|

    /// <summary>(label given on the command line, column in the OpenQuake table)</summary>
    private static readonly (string Label, string TableColumn)[] GlobalImts =
        [("PGA", "pga"), ("PGV", "pgv"), ("SA(0.2)", "0.200"), ("SA(1)", "1.000"), ("SA(10.0)", "10.000")];

    private static readonly (string Label, string TableColumn)[] BasinImts =
        [("PGA", "pga"), ("SA(1.0)", "1.000"), ("SA(3.0)", "3.000")];

    [Fact]
    public async Task Bssa14_without_basin_matches_OpenQuake_tables()
    {
        using var dir = new TempDirectory();
        var worst = await RunAgainstTables(dir, "BSSA_2014_", GlobalImts, withZ1: false, "--model", "BSSA14");
        log.WriteLine($"BSSA14 global via CLI: worst discrepancy {worst:P5}");
        Assert.True(worst <= Tolerance, $"worst discrepancy {worst:P4}");
    }

    [Fact]
    public async Task Bssa14_california_basin_matches_OpenQuake_tables()
    {
        using var dir = new TempDirectory();
        var worst = await RunAgainstTables(dir, "BSSA_2014_CALIFORNIA_", BasinImts, withZ1: true, "--model", "BooreEtAl2014", "--basin", "CAL");
        log.WriteLine($"BSSA14 CAL basin via CLI: worst discrepancy {worst:P5}");
        Assert.True(worst <= Tolerance, $"worst discrepancy {worst:P4}");
    }

    /// <summary>Sadigh et al. (1997) against the OpenSHA tables, with OpenQuake's tolerances (rock 0.4 %, soil 0.5 %).</summary>
    [Theory]
    [InlineData("ROCK", 0.004)]
    [InlineData("SOIL", 0.005)]
    public async Task Sadigh1997_matches_OpenSHA_tables(string siteClass, double meanTolerance)
    {
        using var dir = new TempDirectory();
        var mean = CsvTable.Read(TestData.Path("sadigh1997", $"SADIGH1997_{siteClass}_MEAN.csv"));
        var total = CsvTable.Read(TestData.Path("sadigh1997", $"SADIGH1997_{siteClass}_STD_TOTAL.csv"));
        var sb = new StringBuilder("mag,rake,rjb,rrup,vs30\n");
        for (var r = 0; r < mean.Rows.Count; r++)
        {
            var rrup = mean.Text(r, "dist_rrup");
            sb.Append($"{mean.Text(r, "rup_mag")},{mean.Text(r, "rup_rake")},{rrup},{rrup},{mean.Text(r, "site_vs30")}\n");
        }
        var input = dir.File("in.csv");
        File.WriteAllText(input, sb.ToString());
        var output = dir.File("out.csv");
        string[] soil = siteClass == "SOIL" ? ["--soil"] : [];
        var run = await CliRun.RunAsync(["gmm", "--model", "Sadigh1997", .. soil, "--imts", "PGA,SA(0.2),SA(1),SA(3.0)", "--input", input, "--output", output]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var result = CsvTable.Read(output);
        Assert.Equal(mean.Rows.Count, result.Rows.Count);
        var (worstMean, worstSigma) = (0.0, 0.0);
        foreach (var (label, col) in new[] { ("PGA", "pga"), ("SA(0.2)", "0.2"), ("SA(1)", "1"), ("SA(3.0)", "3") })
        {
            for (var r = 0; r < mean.Rows.Count; r++)
            {
                var dm = Math.Abs(result.Value(r, label + ":median") / mean.Value(r, col) - 1);
                Assert.True(dm <= meanTolerance, $"{siteClass} row {r + 1} {label}: median {result.Value(r, label + ":median")} vs {mean.Value(r, col)} ({dm:P4})");
                var ds = Math.Abs(result.Value(r, label + ":sigma") / total.Value(r, col) - 1);
                Assert.True(ds <= 1e-9, $"{siteClass} row {r + 1} {label}: sigma {result.Value(r, label + ":sigma")} vs {total.Value(r, col)}");
                worstMean = Math.Max(worstMean, dm);
                worstSigma = Math.Max(worstSigma, ds);
            }
        }
        log.WriteLine($"Sadigh 1997 {siteClass} via CLI: worst median discrepancy {worstMean:P5}, sigma {worstSigma:E2}");
    }

    [Fact]
    public async Task Output_repeats_input_columns_verbatim_and_uses_command_line_spelling()
    {
        using var dir = new TempDirectory();
        var input = dir.File("in.csv");
        File.WriteAllText(input, "id,mag,rake,rjb,rrup,vs30\nA,6.50,0,10.0,12,760\nB,5.0,90,0.0,3.5,300\n");
        var run = await CliRun.RunAsync("gmm", "--model", "BSSA14", "--imts", "SA(1),PGA", "--input", input, "--output", dir.File("out.csv"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(dir.File("out.csv"));
        Assert.Equal("id,mag,rake,rjb,rrup,vs30,SA(1):median,SA(1):tau,SA(1):phi,SA(1):sigma,PGA:median,PGA:tau,PGA:phi,PGA:sigma", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("A,6.50,0,10.0,12,760,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("B,5.0,90,0.0,3.5,300,", lines[2], StringComparison.Ordinal);
        var sigma = double.Parse(lines[1].Split(',')[9], CultureInfo.InvariantCulture);
        var tau = double.Parse(lines[1].Split(',')[7], CultureInfo.InvariantCulture);
        var phi = double.Parse(lines[1].Split(',')[8], CultureInfo.InvariantCulture);
        Assert.Equal(Math.Sqrt(tau * tau + phi * phi), sigma, 12);
    }

    public static TheoryData<string, string[], string, string> BadInputs() => new()
    {
        // name, extra args (after the input is written), csv text, expected fragments ("|"-separated)
        { "missing column", [], "mag,rake,rjb,rrup\n6.0,0,10,10\n", "row 0|'vs30'|missing column" },
        { "non-numeric", [], "mag,rake,rjb,rrup,vs30\n6.0,0,10,10,760\n6.0,0,ten,10,760\n", "row 2|'rjb'|not a finite number" },
        { "vs30 zero", [], "mag,rake,rjb,rrup,vs30\n6.0,0,10,10,760\n6.0,0,10,10,760\n6.0,0,10,10,0\n", "row 3|'vs30'|Vs30" },
        { "vs30 negative", [], "mag,rake,rjb,rrup,vs30\n6.0,0,10,10,-300\n", "row 1|'vs30'" },
        { "magnitude out of range", [], "mag,rake,rjb,rrup,vs30\n6.0,0,10,10,760\n9.9,0,10,10,760\n", "row 2|'mag'|range" },
        { "missing z1pt0 with basin", ["--basin", "CAL"], "mag,rake,rjb,rrup,vs30\n6.0,0,10,10,760\n", "row 0|'z1pt0'|missing column" },
        { "empty value", [], "mag,rake,rjb,rrup,vs30\n6.0,,10,10,760\n", "row 1|'rake'|missing" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_fails_naming_row_and_column(string name, string[] extra, string csv, string expected)
    {
        using var dir = new TempDirectory();
        var input = dir.File("in.csv");
        File.WriteAllText(input, csv);
        var output = dir.File("out.csv");
        var run = await CliRun.RunAsync(["gmm", "--model", "BSSA14", "--imts", "PGA,SA(1.0)", "--input", input, "--output", output, .. extra]);
        Assert.True(run.ExitCode != 0, name + ": " + run);
        foreach (var fragment in expected.Split('|'))
            Assert.True(run.Err.Contains(fragment, StringComparison.Ordinal), $"{name}: '{fragment}' not in: {run.Err}");
        Assert.Contains("in.csv", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal); // no stack trace
        Assert.False(File.Exists(output), name + ": an output was written");
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories).Concat(Directory.GetFiles(dir.Path, ".*")));
    }

    [Theory]
    [InlineData("PGA,SA(20.0)", "SA(20.0)")]
    [InlineData("PGA,XYZ", "XYZ")]
    [InlineData("PGA,SA(0,2)", "SA(0,2)")]
    [InlineData("SA(1),SA(1.0)", "SA(1.0)")]
    public async Task Unknown_or_repeated_imt_fails_naming_it(string imts, string named)
    {
        using var dir = new TempDirectory();
        var input = dir.File("in.csv");
        File.WriteAllText(input, "mag,rake,rjb,rrup,vs30\n6.0,0,10,10,760\n");
        var run = await CliRun.RunAsync("gmm", "--model", "BSSA14", "--imts", imts, "--input", input, "--output", dir.File("out.csv"));
        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains(named, run.Err, StringComparison.Ordinal);
        Assert.Contains("--imts", run.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out.csv")));
    }

    [Fact]
    public async Task Unknown_model_fails_listing_known_models()
    {
        using var dir = new TempDirectory();
        var input = dir.File("in.csv");
        File.WriteAllText(input, "mag,rake,rjb,rrup,vs30\n6.0,0,10,10,760\n");
        var run = await CliRun.RunAsync("gmm", "--model", "NoSuchModel2099", "--imts", "PGA", "--input", input, "--output", dir.File("out.csv"));
        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("NoSuchModel2099", run.Err, StringComparison.Ordinal);
        Assert.Contains("BooreEtAl2014", run.Err, StringComparison.Ordinal);
    }

    /// <summary>
    /// Writes the CLI input from the MEAN table's scenario columns, runs the command and returns the worst relative
    /// discrepancy over medians (MEAN), tau (INTER), phi (INTRA) and sigma (TOTAL).
    /// </summary>
    private static async Task<double> RunAgainstTables(TempDirectory dir, string prefix, (string Label, string TableColumn)[] imts, bool withZ1, params string[] modelArgs)
    {
        var mean = CsvTable.Read(TestData.Path("bssa14", prefix + "MEAN.csv"));
        var inter = CsvTable.Read(TestData.Path("bssa14", prefix + "INTER_STD.csv"));
        var intra = CsvTable.Read(TestData.Path("bssa14", prefix + "INTRA_STD.csv"));
        var total = CsvTable.Read(TestData.Path("bssa14", prefix + "TOTAL_STD.csv"));

        var sb = new StringBuilder(withZ1 ? "mag,rake,rjb,rrup,vs30,z1pt0\n" : "mag,rake,rjb,rrup,vs30\n");
        for (var r = 0; r < mean.Rows.Count; r++)
        {
            var rjb = mean.Text(r, "dist_rjb");
            sb.Append(mean.Text(r, "rup_mag")).Append(',').Append(mean.Text(r, "rup_rake")).Append(',')
              .Append(rjb).Append(',').Append(rjb).Append(',').Append(mean.Text(r, "site_vs30"));
            if (withZ1) sb.Append(',').Append(mean.Text(r, "site_z1pt0"));
            sb.Append('\n');
        }
        var input = dir.File("in.csv");
        File.WriteAllText(input, sb.ToString());
        var output = dir.File("out.csv");
        var run = await CliRun.RunAsync(["gmm", .. modelArgs, "--imts", string.Join(",", imts.Select(i => i.Label)), "--input", input, "--output", output]);
        Assert.True(run.ExitCode == 0, run.ToString());

        var result = CsvTable.Read(output);
        Assert.Equal(mean.Rows.Count, result.Rows.Count);
        var worst = 0.0;
        for (var r = 0; r < mean.Rows.Count; r++)
        {
            Assert.Equal(mean.Text(r, "rup_mag"), result.Text(r, "mag"));
            foreach (var (label, col) in imts)
            {
                worst = Math.Max(worst, Check(result.Value(r, label + ":median"), mean.Value(r, col), r, label + ":median"));
                worst = Math.Max(worst, Check(result.Value(r, label + ":tau"), inter.Value(r, col), r, label + ":tau"));
                worst = Math.Max(worst, Check(result.Value(r, label + ":phi"), intra.Value(r, col), r, label + ":phi"));
                worst = Math.Max(worst, Check(result.Value(r, label + ":sigma"), total.Value(r, col), r, label + ":sigma"));
            }
        }
        return worst;
    }

    private static double Check(double computed, double expected, int row, string column)
    {
        var discrepancy = Math.Abs(computed / expected - 1);
        Assert.True(discrepancy <= Tolerance, $"row {row + 1}, {column}: computed {computed}, expected {expected} ({discrepancy:P4})");
        return discrepancy;
    }
}
