using System.Globalization;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Tests.Gmm;

/// <summary>
/// An OpenQuake GMM verification table (hazardlib/tests/gsim/data layout): context columns (rup_mag, rup_rake,
/// dist_rjb, dist_rrup, site_vs30, site_z1pt0), result_type, and one column per IMT.
/// </summary>
internal sealed class GmmVerificationTable
{
    private static readonly HashSet<string> NonImtColumns =
        ["rup_mag", "rup_rake", "dist_rjb", "dist_rrup", "site_vs30", "site_z1pt0", "result_type", "damping", "component_type"];

    public required string Path { get; init; }
    public required string ResultType { get; init; }
    public required double[] Mag { get; init; }
    public required double[] Rake { get; init; }
    public required double[] Rjb { get; init; }
    public required double[] Rrup { get; init; }
    public required double[] Vs30 { get; init; }
    public required double[] Z1pt0 { get; init; }
    /// <summary>(column header, IMT, expected value per row, half a unit in the last printed digit per row).</summary>
    public required List<(string Header, Imt Imt, double[] Expected, double[] HalfUnit)> Columns { get; init; }
    public int Count => Mag.Length;

    public static string DataPath(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "data", "gmm", .. parts]);

    public static GmmVerificationTable Load(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        foreach (var r in rows) Assert.Equal(header.Length, r.Length);
        double[] Col(string name, double missing)
        {
            var j = Array.IndexOf(header, name);
            return rows.Select(r => j < 0 ? missing : double.Parse(r[j], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        }
        var types = rows.Select(r => r[Array.IndexOf(header, "result_type")].Trim()).Distinct().ToArray();
        Assert.Single(types);
        var columns = new List<(string, Imt, double[], double[])>();
        for (var j = 0; j < header.Length; j++)
        {
            if (NonImtColumns.Contains(header[j])) continue;
            var imt = header[j].Equals("pga", StringComparison.OrdinalIgnoreCase) ? Imt.Pga
                : header[j].Equals("pgv", StringComparison.OrdinalIgnoreCase) ? Imt.Pgv
                : Imt.Sa(double.Parse(header[j], NumberStyles.Float, CultureInfo.InvariantCulture));
            var jj = j;
            columns.Add((header[j], imt, rows.Select(r => double.Parse(r[jj], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray(),
                rows.Select(r => HalfUnitOfLastDigit(r[jj])).ToArray()));
        }
        return new GmmVerificationTable
        {
            Path = path, ResultType = types[0],
            Mag = Col("rup_mag", double.NaN), Rake = Col("rup_rake", 0.0), Rjb = Col("dist_rjb", 0.0),
            Rrup = Col("dist_rrup", 0.0), Vs30 = Col("site_vs30", double.NaN), Z1pt0 = Col("site_z1pt0", double.NaN),
            Columns = columns,
        };
    }

    /// <summary>Half a unit in the last printed digit of a number: "2.93E-04" gives 5e-7, "0.2868" gives 5e-5.</summary>
    public static double HalfUnitOfLastDigit(string text)
    {
        var t = text.Trim();
        var e = t.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? t : t[..e];
        var exponent = e < 0 ? 0 : int.Parse(t[(e + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        var decimals = dot < 0 ? 0 : mantissa.Length - dot - 1;
        return 0.5 * Math.Pow(10, exponent - decimals);
    }

    /// <summary>
    /// Evaluates <paramref name="model"/> on every row and IMT column and returns, per column, the worst OpenQuake
    /// discrepancy |computed/expected - 1| (as a fraction), the row where it occurs, and the worst ratio of that
    /// discrepancy to what is allowed: max(<paramref name="tolerance"/>, half a unit of the last printed digit / |expected|)
    /// (a table value printed with 3 significant digits cannot be matched to 0.1 %), and the worst discrepancy over the
    /// values printed to better than 1e-5 relative (about 6 significant digits), where rounding does not hide it. MEAN rows compare exp(ln median).
    /// </summary>
    public List<(string Header, double Worst, int Row, double Computed, double Expected, double WorstRatio, double WorstFullPrecision)> Discrepancies(
        IGroundMotionModel model, double tolerance)
    {
        var ctx = new GmmContext(Mag, Rake, Rjb, Rrup, Vs30, Z1pt0);
        var n = Count;
        double[] ln = new double[n], tau = new double[n], phi = new double[n], sigma = new double[n];
        var result = new List<(string, double, int, double, double, double, double)>();
        foreach (var (header, imt, expected, halfUnit) in Columns)
        {
            model.Compute(ctx, imt, new GmmOutput(ln, tau, phi, sigma));
            var (worst, row, comp, exp, ratio, full) = (-1.0, -1, 0.0, 0.0, 0.0, double.NaN);
            for (var i = 0; i < n; i++)
            {
                var computed = ResultType switch
                {
                    "MEAN" => Math.Exp(ln[i]),
                    "TOTAL_STDDEV" => sigma[i],
                    "INTER_EVENT_STDDEV" => tau[i],
                    "INTRA_EVENT_STDDEV" => phi[i],
                    _ => throw new InvalidDataException($"unknown result_type {ResultType}"),
                };
                var d = Math.Abs(computed / expected[i] - 1.0);
                if (double.IsNaN(d)) d = double.PositiveInfinity;
                if (d > worst) (worst, row, comp, exp) = (d, i, computed, expected[i]);
                ratio = Math.Max(ratio, d / Math.Max(tolerance, halfUnit[i] / Math.Abs(expected[i])));
                if (halfUnit[i] / Math.Abs(expected[i]) <= 1e-5) full = double.IsNaN(full) ? d : Math.Max(full, d);
            }
            result.Add((header, worst, row, comp, exp, ratio, full));
        }
        return result;
    }

    /// <summary>Splits one CSV line, honouring double quotes.</summary>
    public static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        for (var k = 0; k < line.Length; k++)
        {
            var ch = line[k];
            if (quoted)
            {
                if (ch == '"' && k + 1 < line.Length && line[k + 1] == '"') { sb.Append('"'); k++; }
                else if (ch == '"') quoted = false;
                else sb.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(ch);
        }
        fields.Add(sb.ToString());
        return fields.ToArray();
    }
}
