using System.Globalization;
using CsvHelper;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Stations;

/// <summary>
/// Reads an OpenQuake station data file (<c>stationlist*.csv</c>): columns STATION_ID, LONGITUDE, LATITUDE,
/// STATION_TYPE (seismic | macroseismic, optional), and for each IMT <c>&lt;IMT&gt;_VALUE</c> (g; cm/s for PGV) with
/// <c>&lt;IMT&gt;_LN_SIGMA</c>. Columns for measures that are not IMTs here (MMI) are listed in
/// <see cref="StationSetReadResult.IgnoredColumns"/>. Vs30 and z1.0 come from a site model matched to the nearest point
/// (as OpenQuake), else from a VS30 column if the file has one.
/// </summary>
public static class OpenQuakeStationCsvReader
{
    public static StationSetReadResult Read(string path, StationSiteModel? siteModel = null)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, siteModel);
    }

    public static StationSetReadResult Read(TextReader text, string source, StationSiteModel? siteModel = null)
    {
        using var parser = new CsvParser(text, CultureInfo.InvariantCulture);
        if (!parser.Read() || parser.Record is null) throw new QuakeGridInputException(source, null, null, "empty file: no header line");
        var header = parser.Record.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        int Col(string name) => Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        int Required(string name)
        {
            var c = Col(name);
            if (c < 0) throw new QuakeGridInputException(source, "header", name, $"required column {name} is missing");
            return c;
        }
        var cId = Required("STATION_ID");
        var cLon = Required("LONGITUDE");
        var cLat = Required("LATITUDE");
        var cType = Col("STATION_TYPE");
        var cName = Col("STATION_NAME");
        var cVs30 = Col("VS30");

        var imtCols = new List<(Imt Imt, int Value, int Sigma, string Name)>();
        var ignored = new List<string>();
        for (var c = 0; c < header.Length; c++)
        {
            var h = header[c];
            if (!h.EndsWith("_VALUE", StringComparison.OrdinalIgnoreCase)) continue;
            var name = h[..^"_VALUE".Length];
            if (!Imt.TryParse(name, out var imt)) { ignored.Add(h); continue; }
            var cs = Col(name + "_LN_SIGMA");
            if (cs < 0) throw new QuakeGridInputException(source, "header", name + "_LN_SIGMA", $"column {h} has no matching {name}_LN_SIGMA column");
            if (imtCols.Any(x => x.Imt == imt)) throw new QuakeGridInputException(source, "header", h, $"IMT {imt} appears in two columns");
            imtCols.Add((imt, c, cs, h));
        }
        if (imtCols.Count == 0) throw new QuakeGridInputException(source, "header", null, "no <IMT>_VALUE column for PGA, PGV or SA(T)");

        var b = new StationSetBuilder(source);
        while (parser.Read())
        {
            var rec = parser.Record;
            if (rec is null || rec.All(string.IsNullOrWhiteSpace)) continue;
            var line = $"line {parser.RawRow}";
            string Field(int c) => c >= 0 && c < rec.Length ? rec[c].Trim() : "";
            var id = Field(cId);
            var where = $"station {id} ({line})";
            if (!TryNumber(Field(cLon), out var lon)) { b.Reject(where, "LONGITUDE", $"'{Field(cLon)}' is not a number"); continue; }
            if (!TryNumber(Field(cLat), out var lat)) { b.Reject(where, "LATITUDE", $"'{Field(cLat)}' is not a number"); continue; }
            var kind = StationKind.Seismic;
            if (cType >= 0)
            {
                var t = Field(cType);
                if (t.Equals("seismic", StringComparison.OrdinalIgnoreCase)) kind = StationKind.Seismic;
                else if (t.Equals("macroseismic", StringComparison.OrdinalIgnoreCase)) kind = StationKind.Macroseismic;
                else { b.Reject(where, "STATION_TYPE", $"'{t}' is neither seismic nor macroseismic"); continue; }
            }
            double vs30 = double.NaN, z1 = double.NaN;
            if (siteModel is not null)
            {
                if (!siteModel.TryMatch(lon, lat, out vs30, out z1, out var dist))
                {
                    b.Reject(where, "LONGITUDE/LATITUDE", $"no site-model point within {siteModel.MaxDistanceKm} km (nearest {dist:F2} km): no Vs30");
                    continue;
                }
            }
            else if (cVs30 >= 0)
            {
                if (!TryNumber(Field(cVs30), out vs30) || !(vs30 > 0)) { b.Reject(where, "VS30", $"'{Field(cVs30)}' is not a positive Vs30"); continue; }
            }
            var st = b.Add(id, Field(cName), line, lon, lat, kind, "");
            if (st is null) continue;
            b.SetSite(st, vs30, z1);
            foreach (var (imt, cv, cs, name) in imtCols)
            {
                var vText = Field(cv);
                var sText = Field(cs);
                var value = TryNumber(vText, out var v) ? v : double.NaN;
                if (double.IsNaN(value) && vText.Length > 0 && !vText.Equals("nan", StringComparison.OrdinalIgnoreCase))
                {
                    b.Reject(where, name, $"'{vText}' is not a number");
                    continue;
                }
                var sigma = TryNumber(sText, out var s) ? s : double.NaN;
                if (!double.IsNaN(value) && double.IsNaN(sigma))
                {
                    b.Reject(where, name[..^"_VALUE".Length] + "_LN_SIGMA", $"'{sText}' is not a number");
                    continue;
                }
                b.SetValue(st, imt, value, sigma, name);
            }
        }
        return b.Build(ignored);
    }

    private static bool TryNumber(string s, out double v)
        => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && !double.IsNaN(v);
}
