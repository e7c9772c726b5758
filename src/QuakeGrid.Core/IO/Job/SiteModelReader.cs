using System.Globalization;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Job;

/// <summary>
/// Reads an OpenQuake site model CSV (<c>site_model_file</c>): header with <c>lon</c>, <c>lat</c>, <c>vs30</c> and
/// optionally <c>z1pt0</c> (metres); other columns are ignored. Errors name the file, row and column.
/// </summary>
public static class SiteModelReader
{
    public static SiteCollection Read(string path)
    {
        if (!File.Exists(path)) throw new QuakeGridInputException(path, null, null, "site model file not found");
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();
        if (lines.Count < 2) throw new QuakeGridInputException(path, null, null, "site model has no data rows");
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Col(string name, bool required)
        {
            var i = header.IndexOf(name);
            if (i < 0 && required) throw new QuakeGridInputException(path, "header", name, $"missing column '{name}'");
            return i;
        }
        int iLon = Col("lon", true), iLat = Col("lat", true), iVs = Col("vs30", true), iZ1 = Col("z1pt0", false);
        var n = lines.Count - 1;
        var lon = new double[n];
        var lat = new double[n];
        var vs30 = new double[n];
        var z1 = new double[n];
        for (var r = 0; r < n; r++)
        {
            var cells = lines[r + 1].Split(',');
            if (cells.Length != header.Count)
                throw new QuakeGridInputException(path, $"row {r + 2}", null, $"{cells.Length} columns, header has {header.Count}");
            lon[r] = Cell(path, r, cells, iLon, "lon");
            lat[r] = Cell(path, r, cells, iLat, "lat");
            vs30[r] = Cell(path, r, cells, iVs, "vs30");
            z1[r] = iZ1 < 0 ? double.NaN : Cell(path, r, cells, iZ1, "z1pt0");
        }
        return new SiteCollection(lon, lat, vs30, z1, path);
    }

    private static double Cell(string path, int r, string[] cells, int i, string name)
    {
        var t = cells[i].Trim();
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        throw new QuakeGridInputException(path, $"row {r + 2}", name, $"'{t}' is not a finite number");
    }
}
