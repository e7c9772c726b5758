using System.Globalization;

namespace QuakeGrid.Core.IO.Residuals;

/// <summary>
/// Writes a <see cref="ResidualTable"/> in the published CSV layout (header <see cref="ResidualTableReader.Columns"/>),
/// numbers with round-trip precision, invariant culture, so that <see cref="ResidualTableReader"/> reads back the same values.
/// </summary>
public static class ResidualTableWriter
{
    /// <summary>Writes the table to <paramref name="path"/>, replacing any existing file.</summary>
    public static void Write(ResidualTable table, string path)
    {
        using var w = new StreamWriter(path);
        Write(table, w);
    }

    /// <summary>Writes the table to <paramref name="writer"/>.</summary>
    public static void Write(ResidualTable table, TextWriter writer)
    {
        writer.Write(string.Join(',', ResidualTableReader.Columns));
        writer.Write('\n');
        var ci = CultureInfo.InvariantCulture;
        for (var i = 0; i < table.Count; i++)
        {
            var region = table.Region[i];
            if (region.Contains(',') || region.Contains('"')) region = "\"" + region.Replace("\"", "\"\"") + "\"";
            writer.Write(string.Create(ci,
                $"{table.RecId[i]},{table.EqId[i]},{table.Magnitude[i]:R},{region},{table.StationLon[i]:R},{table.StationLat[i]:R},{table.EpiDistKm[i]:R},{table.EpiAzimuthRad[i]:R},{table.Vs30[i]:R},{table.ScaledDeltaW[i]:R}"));
            writer.Write('\n');
        }
    }
}
