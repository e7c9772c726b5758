using System.Globalization;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Gmm;

/// <summary>
/// A GMM coefficient table read from an embedded text resource (OpenQuake <c>CoeffsTable</c> layout: lines starting
/// with <c>#</c> are comments, the first other line is the header <c>IMT name1 name2 ...</c>, then one row per IMT
/// whose first column is <c>pga</c>, <c>pgv</c> or an SA period in seconds).
/// </summary>
internal sealed class CoefficientTable
{
    private readonly Dictionary<string, int> _columns;

    private CoefficientTable(string name, string[] columns, Imt[] imts, double[][] rows)
    {
        Name = name;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < columns.Length; j++) _columns.Add(columns[j], j);
        Imts = imts;
        Rows = rows;
    }

    /// <summary>Resource file name, for messages.</summary>
    public string Name { get; }

    /// <summary>IMT of each row, in file order.</summary>
    public Imt[] Imts { get; }

    /// <summary>Coefficient values of each row, in header order (IMT column excluded).</summary>
    public double[][] Rows { get; }

    /// <summary>Index of a named column; throws when absent.</summary>
    public int Column(string name) =>
        _columns.TryGetValue(name, out var j) ? j : throw new InvalidDataException($"coefficient table {Name} has no column '{name}'");

    /// <summary>Row index of an IMT present verbatim in the table, or -1.</summary>
    public int IndexOf(Imt imt)
    {
        for (var k = 0; k < Imts.Length; k++)
            if (Imts[k].Kind == imt.Kind && SamePeriod(Imts[k].Period, imt.Period)) return k;
        return -1;
    }

    /// <summary>
    /// The coefficient row of an IMT: the verbatim row when tabulated; for an SA period strictly between two
    /// tabulated SA periods, every coefficient interpolated linearly in ln(T) (OpenQuake <c>CoeffsTable</c>
    /// convention); otherwise (PGA/PGV absent, SA outside the tabulated range) null.
    /// </summary>
    public double[]? RowFor(Imt imt)
    {
        var k = IndexOf(imt);
        if (k >= 0) return Rows[k];
        if (imt.Kind != ImtKind.Sa) return null;
        int below = -1, above = -1;
        for (var j = 0; j < Imts.Length; j++)
        {
            if (Imts[j].Kind != ImtKind.Sa) continue;
            var p = Imts[j].Period;
            if (p < imt.Period && (below < 0 || p > Imts[below].Period)) below = j;
            if (p > imt.Period && (above < 0 || p < Imts[above].Period)) above = j;
        }
        if (below < 0 || above < 0) return null;
        double ta = Imts[below].Period, tb = Imts[above].Period;
        var w = (Math.Log(imt.Period) - Math.Log(ta)) / (Math.Log(tb) - Math.Log(ta));
        var a = Rows[below];
        var b = Rows[above];
        var row = new double[a.Length];
        for (var j = 0; j < row.Length; j++) row[j] = a[j] + (b[j] - a[j]) * w;
        return row;
    }

    /// <summary>True when two periods are equal up to decimal-parsing noise (1e-9 relative).</summary>
    public static bool SamePeriod(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>Loads <c>QuakeGrid.Core.Gmm.Coefficients.&lt;fileName&gt;</c> from this assembly.</summary>
    public static CoefficientTable LoadEmbedded(string fileName)
    {
        var resource = "QuakeGrid.Core.Gmm.Coefficients." + fileName;
        using var stream = typeof(CoefficientTable).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidDataException($"embedded coefficient table {resource} not found");
        using var reader = new StreamReader(stream);
        return Parse(fileName, reader);
    }

    /// <summary>Parses the text layout described on the class.</summary>
    public static CoefficientTable Parse(string name, TextReader reader)
    {
        string[]? header = null;
        var imts = new List<Imt>();
        var rows = new List<double[]>();
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            var t = line.Trim();
            if (t.Length == 0 || t[0] == '#') continue;
            var parts = t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (header is null)
            {
                if (!parts[0].Equals("IMT", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidDataException($"{name} line {lineNo}: expected header starting with IMT");
                header = parts[1..];
                continue;
            }
            if (parts.Length != header.Length + 1)
                throw new InvalidDataException($"{name} line {lineNo}: {parts.Length - 1} values for {header.Length} columns");
            imts.Add(ParseImt(name, lineNo, parts[0]));
            var v = new double[header.Length];
            for (var j = 0; j < v.Length; j++)
                v[j] = double.Parse(parts[j + 1], NumberStyles.Float, CultureInfo.InvariantCulture);
            rows.Add(v);
        }
        if (header is null || rows.Count == 0) throw new InvalidDataException($"{name}: empty coefficient table");
        return new CoefficientTable(name, header, imts.ToArray(), rows.ToArray());
    }

    private static Imt ParseImt(string name, int lineNo, string text)
    {
        if (text.Equals("pga", StringComparison.OrdinalIgnoreCase)) return Imt.Pga;
        if (text.Equals("pgv", StringComparison.OrdinalIgnoreCase)) return Imt.Pgv;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p > 0) return Imt.Sa(p);
        throw new InvalidDataException($"{name} line {lineNo}: bad IMT '{text}'");
    }
}
