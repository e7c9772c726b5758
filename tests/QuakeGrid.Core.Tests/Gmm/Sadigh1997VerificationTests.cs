using System.Globalization;
using QuakeGrid.Core.Gmm;
using Xunit.Abstractions;

namespace QuakeGrid.Core.Tests.Gmm;

/// <summary>
/// Sadigh et al. (1997) against every row and IMT column of the OpenQuake verification tables (generated with
/// OpenSHA) listed in data/gmm/sadigh1997/test_mapping.csv, with OpenQuake's rule |computed/expected - 1| &lt;= tolerance.
/// </summary>
public sealed class Sadigh1997VerificationTests(ITestOutputHelper output)
{
    /// <summary>Target of issue 2: 0.1 %.</summary>
    private const double Tolerance = 0.001;

    public static TheoryData<string, string> Tables()
    {
        var data = new TheoryData<string, string>();
        var lines = File.ReadAllLines(GmmVerificationTable.DataPath("sadigh1997", "test_mapping.csv"));
        var header = GmmVerificationTable.SplitCsv(lines[0]);
        foreach (var line in lines.Skip(1).Where(l => l.Trim().Length > 0))
        {
            var f = GmmVerificationTable.SplitCsv(line);
            data.Add(f[Array.IndexOf(header, "file")], f[Array.IndexOf(header, "oq_gsim_class")]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryRowMatchesTheOpenQuakeTable(string file, string gsimClass)
    {
        var model = GmmFactory.Create(gsimClass, GmmOptions.Default); // site class by Vs30, as in OpenQuake
        var table = GmmVerificationTable.Load(GmmVerificationTable.DataPath("sadigh1997", file));
        var results = table.Discrepancies(model, Tolerance);
        var worst = results.MaxBy(r => r.Worst);
        var worstRatio = results.Max(r => r.WorstRatio);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{file} ({table.ResultType}, {table.Count} rows x {results.Count} IMTs): worst {worst.Worst * 100:F4} % at {worst.Header} row {worst.Row + 1} (computed {worst.Computed:G6}, expected {worst.Expected:G6}); over values printed to >= 6 digits: {FullPrecision(results.Select(r => r.WorstFullPrecision))}; worst discrepancy/allowed {worstRatio:F3}"));
        foreach (var r in results.Where(r => r.Worst > Tolerance))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Header}: {r.Worst * 100:F4} % row {r.Row + 1} computed {r.Computed:G6} expected {r.Expected:G6}"));
        Assert.Equal(90, table.Count);
        Assert.True(results.Count >= 12, "expected PGA and at least 11 SA columns");
        // Every value within 0.1 %, or within half a unit of the last digit the table prints when that is coarser.
        Assert.True(worstRatio <= 1.0,
            $"{file}: worst discrepancy {worst.Worst * 100:F4} % at {worst.Header} row {worst.Row + 1}; discrepancy/allowed {worstRatio:F3} > 1");
    }

    private static string FullPrecision(IEnumerable<double> worst)
    {
        var known = worst.Where(w => !double.IsNaN(w)).ToList();
        return known.Count == 0 ? "n/a (none)" : string.Create(CultureInfo.InvariantCulture, $"{known.Max() * 100:F4} %");
    }
}
