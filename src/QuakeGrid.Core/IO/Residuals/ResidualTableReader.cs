using System.Globalization;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Residuals;

/// <summary>
/// Reads a residual table CSV (see <see cref="ResidualTable"/>). Columns are found by header name, in any order;
/// extra columns are ignored. Every bad value is a <see cref="QuakeGridInputException"/> naming file, row and column:
/// missing columns or file, empty/unparsable/non-finite numbers, duplicate <c>recid</c>, negative distance,
/// non-positive Vs30, an azimuth outside [−2π, 2π] (degrees given instead of radians), a latitude outside
/// [−90, 90] or a longitude outside [−180, 360], and a row with the wrong number of fields. Nothing is clamped or dropped.
/// </summary>
public static class ResidualTableReader
{
    /// <summary>Required header names, in the published order.</summary>
    public static readonly string[] Columns =
    {
        "recid", "eqid", "magnitude", "region", "station_longitude", "station_latitude", "epi_dist", "epi_azimuth",
        "vs30", "scaled_deltaW",
    };

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static ResidualTable Read(string path)
    {
        if (!File.Exists(path))
            throw new QuakeGridInputException(path, null, null, "file not found");
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    public static ResidualTable Read(TextReader reader, string source)
    {
        var header = reader.ReadLine();
        if (header is null)
            throw new QuakeGridInputException(source, null, null, "file is empty (no header line)");
        var names = SplitLine(header);
        var idx = new int[Columns.Length];
        for (var c = 0; c < Columns.Length; c++)
        {
            idx[c] = Array.FindIndex(names, h => string.Equals(h.Trim(), Columns[c], StringComparison.OrdinalIgnoreCase));
            if (idx[c] < 0)
                throw new QuakeGridInputException(source, "header", Columns[c], "required column is missing");
        }

        var recId = new List<long>(); var eqId = new List<long>(); var mag = new List<double>();
        var region = new List<string>(); var lon = new List<double>(); var lat = new List<double>();
        var dist = new List<double>(); var azi = new List<double>(); var vs30 = new List<double>();
        var z = new List<double>();
        var seen = new Dictionary<long, int>();
        var lineNo = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Trim().Length == 0) continue;
            var f = SplitLine(line);
            var rec = $"row {lineNo - 1} (line {lineNo})";
            if (f.Length != names.Length)
                throw new QuakeGridInputException(source, rec, null, $"has {f.Length} fields, header has {names.Length}");

            var rid = ParseLong(f[idx[0]], source, rec, Columns[0]);
            if (seen.TryGetValue(rid, out var firstLine))
                throw new QuakeGridInputException(source, rec, "recid", $"duplicate recid {rid} (first on line {firstLine})");
            seen[rid] = lineNo;
            recId.Add(rid);
            eqId.Add(ParseLong(f[idx[1]], source, rec, Columns[1]));
            mag.Add(ParseFinite(f[idx[2]], source, rec, Columns[2]));
            region.Add(f[idx[3]].Trim());
            var lo = ParseFinite(f[idx[4]], source, rec, Columns[4]);
            if (lo < -180 || lo > 360) throw new QuakeGridInputException(source, rec, Columns[4], $"longitude {lo} outside [-180, 360]");
            lon.Add(lo);
            var la = ParseFinite(f[idx[5]], source, rec, Columns[5]);
            if (la < -90 || la > 90) throw new QuakeGridInputException(source, rec, Columns[5], $"latitude {la} outside [-90, 90]");
            lat.Add(la);
            var d = ParseFinite(f[idx[6]], source, rec, Columns[6]);
            if (d < 0) throw new QuakeGridInputException(source, rec, Columns[6], $"negative epicentral distance {d} km");
            dist.Add(d);
            var a = ParseFinite(f[idx[7]], source, rec, Columns[7]);
            if (Math.Abs(a) > 2 * Math.PI + 1e-9)
                throw new QuakeGridInputException(source, rec, Columns[7], $"azimuth {a} outside [-2π, 2π]: the column is in radians, not degrees");
            azi.Add(a);
            var v = ParseFinite(f[idx[8]], source, rec, Columns[8]);
            if (v <= 0) throw new QuakeGridInputException(source, rec, Columns[8], $"Vs30 {v} m/s must be positive");
            vs30.Add(v);
            z.Add(ParseFinite(f[idx[9]], source, rec, Columns[9]));
        }
        if (recId.Count == 0)
            throw new QuakeGridInputException(source, null, null, "no data rows");
        return new ResidualTable(recId.ToArray(), eqId.ToArray(), mag.ToArray(), region.ToArray(), lon.ToArray(),
            lat.ToArray(), dist.ToArray(), azi.ToArray(), vs30.ToArray(), z.ToArray());
    }

    private static string[] SplitLine(string line)
    {
        if (line.Contains('"'))
        {
            // Minimal RFC 4180 quoting (region labels could be quoted).
            var parts = new List<string>();
            var sb = new System.Text.StringBuilder();
            var inQ = false;
            for (var i = 0; i < line.Length; i++)
            {
                var ch = line[i];
                if (inQ)
                {
                    if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                    else if (ch == '"') inQ = false;
                    else sb.Append(ch);
                }
                else if (ch == '"') inQ = true;
                else if (ch == ',') { parts.Add(sb.ToString()); sb.Clear(); }
                else sb.Append(ch);
            }
            parts.Add(sb.ToString());
            return parts.ToArray();
        }
        return line.Split(',');
    }

    private static double ParseFinite(string s, string source, string rec, string col)
    {
        var t = s.Trim();
        if (t.Length == 0) throw new QuakeGridInputException(source, rec, col, "empty value");
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            throw new QuakeGridInputException(source, rec, col, $"'{t}' is not a number");
        if (!double.IsFinite(v)) throw new QuakeGridInputException(source, rec, col, $"value '{t}' is not finite");
        return v;
    }

    private static long ParseLong(string s, string source, string rec, string col)
    {
        var t = s.Trim();
        if (t.Length == 0) throw new QuakeGridInputException(source, rec, col, "empty value");
        if (long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
        // Accept integral floats such as "30.0" written by some tools, but nothing fractional.
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) &&
            d == Math.Floor(d) && Math.Abs(d) < 9e15)
            return (long)d;
        throw new QuakeGridInputException(source, rec, col, $"'{t}' is not an integer id");
    }
}
