using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Input;

/// <summary>
/// The input table of <c>quakegrid gmm</c>: one GMM record per row with columns <c>mag,rake,rjb,rrup,vs30[,z1pt0]</c>
/// (Mw, degrees, km, km, m/s, metres). Other columns are allowed and passed through. The raw text of every row is kept
/// so that the output repeats the input columns verbatim. Rows are numbered from 1 after the header; messages also
/// give the line number in the file.
/// </summary>
public sealed class GmmInputTable
{
    private GmmInputTable(string[] header, List<string[]> rows, int[] lines, double[] mag, double[] rake, double[] rjb, double[] rrup, double[] vs30, double[] z1pt0)
    {
        Header = header;
        RawRows = rows;
        Lines = lines;
        Mag = mag; Rake = rake; Rjb = rjb; Rrup = rrup; Vs30 = vs30; Z1pt0 = z1pt0;
    }

    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<string[]> RawRows { get; }
    /// <summary>Line number in the file of each data row (1-based, header is line 1).</summary>
    public int[] Lines { get; }
    public double[] Mag { get; }
    /// <summary>Rake in degrees; 0 when the table is read with <c>rakeRequired: false</c> and has no rake column.</summary>
    public double[] Rake { get; }
    public double[] Rjb { get; }
    public double[] Rrup { get; }
    public double[] Vs30 { get; }
    /// <summary>z1.0 in metres; NaN where the column is absent or the cell is empty.</summary>
    public double[] Z1pt0 { get; }
    public int Count => Mag.Length;

    /// <summary>Reads and validates the table.</summary>
    /// <param name="path">CSV file.</param>
    /// <param name="rakeRequired">False with <c>--no-sof</c>: the rake column is then ignored.</param>
    /// <param name="z1pt0Required">True when a basin term is asked for: the column and every value must be present.</param>
    public static GmmInputTable Read(string path, bool rakeRequired, bool z1pt0Required)
    {
        if (!File.Exists(path)) throw new QuakeGridInputException(path, null, null, "file not found");
        using var reader = new StreamReader(path);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, BadDataFound = null };
        using var csv = new CsvParser(reader, config);
        if (!csv.Read()) throw new QuakeGridInputException(path, "row 0 (header)", null, "the file is empty; expected a header mag,rake,rjb,rrup,vs30[,z1pt0]");
        var header = csv.Record!.Select(h => h.Trim()).ToArray();

        int Column(string name, bool required)
        {
            var idx = Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (idx < 0 && required)
                throw new QuakeGridInputException(path, "row 0 (header)", name, $"missing column '{name}' (header is '{string.Join(',', header)}')");
            return idx;
        }

        var iMag = Column("mag", true);
        var iRake = Column("rake", rakeRequired);
        var iRjb = Column("rjb", true);
        var iRrup = Column("rrup", true);
        var iVs30 = Column("vs30", true);
        var iZ1 = Column("z1pt0", z1pt0Required);

        var rows = new List<string[]>();
        var lines = new List<int>();
        var mag = new List<double>();
        var rake = new List<double>();
        var rjb = new List<double>();
        var rrup = new List<double>();
        var vs30 = new List<double>();
        var z1 = new List<double>();
        while (csv.Read())
        {
            var rec = csv.Record!;
            if (rec.Length == 1 && rec[0].Length == 0) continue; // blank line
            var rowNo = rows.Count + 1;
            var where = $"row {rowNo} (line {csv.RawRow})";
            if (rec.Length != header.Length)
                throw new QuakeGridInputException(path, where, null, $"has {rec.Length} fields, the header has {header.Length}");
            double Value(int col, string name)
            {
                var text = rec[col];
                if (text.Length == 0) throw new QuakeGridInputException(path, where, name, "value is missing");
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                    throw new QuakeGridInputException(path, where, name, $"'{text}' is not a finite number");
                return v;
            }

            var m = Value(iMag, "mag");
            var r = iRake >= 0 && rakeRequired ? Value(iRake, "rake") : 0.0;
            if (r < -180 || r > 180) throw new QuakeGridInputException(path, where, "rake", $"rake {r} is outside [-180, 180] degrees");
            var dJb = Value(iRjb, "rjb");
            if (dJb < 0) throw new QuakeGridInputException(path, where, "rjb", $"distance {dJb} km is negative");
            var dRup = Value(iRrup, "rrup");
            if (dRup < 0) throw new QuakeGridInputException(path, where, "rrup", $"distance {dRup} km is negative");
            var v30 = Value(iVs30, "vs30");
            if (v30 <= 0) throw new QuakeGridInputException(path, where, "vs30", $"Vs30 {v30} m/s must be positive");
            var z = double.NaN;
            if (iZ1 >= 0 && (z1pt0Required || rec[iZ1].Length > 0))
            {
                z = Value(iZ1, "z1pt0");
                if (z < 0) throw new QuakeGridInputException(path, where, "z1pt0", $"z1pt0 {z} m must not be negative");
            }

            rows.Add(rec.ToArray());
            lines.Add(csv.RawRow);
            mag.Add(m); rake.Add(r); rjb.Add(dJb); rrup.Add(dRup); vs30.Add(v30); z1.Add(z);
        }
        if (rows.Count == 0) throw new QuakeGridInputException(path, null, null, "the file has a header but no data rows");
        return new GmmInputTable(header, rows, lines.ToArray(), mag.ToArray(), rake.ToArray(), rjb.ToArray(), rrup.ToArray(), vs30.ToArray(), z1.ToArray());
    }

    /// <summary>Checks every magnitude against the model's stated range.</summary>
    public void CheckMagnitudes(string path, string modelName, (double Min, double Max) range)
    {
        for (var i = 0; i < Count; i++)
        {
            if (Mag[i] < range.Min || Mag[i] > range.Max)
                throw new QuakeGridInputException(path, $"row {i + 1} (line {Lines[i]})", "mag",
                    $"magnitude {Mag[i].ToString(CultureInfo.InvariantCulture)} is outside the range of {modelName}, [{range.Min.ToString(CultureInfo.InvariantCulture)}, {range.Max.ToString(CultureInfo.InvariantCulture)}]");
        }
    }
}
