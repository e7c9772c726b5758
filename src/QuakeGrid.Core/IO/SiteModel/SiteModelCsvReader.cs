using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.SiteModel;

/// <summary>
/// Reads an OpenQuake site-model CSV (<c>site_model_file</c>): a header with at least <c>lon</c>, <c>lat</c> and <c>vs30</c>
/// (m/s), optionally <c>z1pt0</c> (metres) and <c>custom_site_id</c>, in any order; other columns (vs30measured, z2pt5, slope,
/// geology, ...) are allowed and ignored. Every problem is a <see cref="QuakeGridInputException"/> naming the file, the row as
/// "line N" (1-based line of the file, the header being line 1) and the column: a missing column, a short row, a non-numeric or
/// non-finite value, Vs30 ≤ 0, a negative z1pt0, a longitude outside [-180, 360] or latitude outside [-90, 90], an empty or
/// duplicate <c>custom_site_id</c>, or a file with no sites.
/// </summary>
public static class SiteModelCsvReader
{
    /// <summary>Reads the site model in <paramref name="path"/>.</summary>
    public static SiteModel Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var reader = new StreamReader(path);
            return Read(reader, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new QuakeGridInputException(path, null, null, $"cannot read the file: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a site model from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    public static SiteModel Read(TextReader reader, string source)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            BadDataFound = null,
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read())
            throw new QuakeGridInputException(source, null, null, "the file is empty (expected a header with lon, lat, vs30)");
        csv.ReadHeader();
        var header = (csv.HeaderRecord ?? []).Select(h => h.Trim()).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in header)
            if (!seen.Add(h)) throw new QuakeGridInputException(source, "line 1", h, $"column '{h}' appears more than once in the header");
        int Col(string name, bool required)
        {
            var i = Array.IndexOf(header, name);
            if (i < 0 && required)
                throw new QuakeGridInputException(source, "line 1", name, $"missing column '{name}' (header: {string.Join(",", header)})");
            return i;
        }
        var iLon = Col("lon", true);
        var iLat = Col("lat", true);
        var iVs30 = Col("vs30", true);
        var iZ1 = Col("z1pt0", false);
        var iId = Col("custom_site_id", false);

        var lon = new List<double>();
        var lat = new List<double>();
        var vs30 = new List<double>();
        var z1 = iZ1 >= 0 ? new List<double>() : null;
        var ids = iId >= 0 ? new List<string>() : null;
        var idLine = iId >= 0 ? new Dictionary<string, long>(StringComparer.Ordinal) : null;
        while (csv.Read())
        {
            var line = $"line {csv.Parser.RawRow}";
            if (csv.Parser.Count < header.Length)
                throw new QuakeGridInputException(source, line, header[csv.Parser.Count],
                    $"the row has {csv.Parser.Count} field(s) but the header has {header.Length}");
            lon.Add(Number(csv, iLon, "lon", source, line, -180, 360, "a longitude in [-180, 360]"));
            lat.Add(Number(csv, iLat, "lat", source, line, -90, 90, "a latitude in [-90, 90]"));
            var v = Number(csv, iVs30, "vs30", source, line, double.NegativeInfinity, double.PositiveInfinity, "");
            if (!(v > 0)) throw new QuakeGridInputException(source, line, "vs30", $"Vs30 {v.ToString(CultureInfo.InvariantCulture)} m/s must be positive");
            vs30.Add(v);
            if (z1 is not null)
                z1.Add(Number(csv, iZ1, "z1pt0", source, line, 0, double.PositiveInfinity, "a non-negative depth in metres"));
            if (ids is not null)
            {
                var id = csv.GetField(iId) ?? "";
                if (id.Length == 0) throw new QuakeGridInputException(source, line, "custom_site_id", "empty custom_site_id");
                if (idLine!.TryGetValue(id, out var first))
                    throw new QuakeGridInputException(source, line, "custom_site_id", $"duplicate custom_site_id '{id}' (first on line {first})");
                idLine[id] = csv.Parser.RawRow;
                ids.Add(id);
            }
        }
        if (lon.Count == 0) throw new QuakeGridInputException(source, null, null, "the file has a header but no sites");
        var sites = new SiteCollection(lon.ToArray(), lat.ToArray(), vs30.ToArray(), z1?.ToArray(), source);
        return new SiteModel(sites, ids?.ToArray(), header);
    }

    private static double Number(CsvReader csv, int index, string column, string source, string line, double min, double max, string expected)
    {
        var text = csv.GetField(index) ?? "";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            throw new QuakeGridInputException(source, line, column, text.Length == 0 ? "empty value" : $"'{text}' is not a number");
        if (!double.IsFinite(v))
            throw new QuakeGridInputException(source, line, column, $"value '{text}' is not finite");
        if (v < min || v > max)
            throw new QuakeGridInputException(source, line, column, $"value {text} is not {expected}");
        return v;
    }
}
