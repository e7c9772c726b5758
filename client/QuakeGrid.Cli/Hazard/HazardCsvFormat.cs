using System.Globalization;
using QuakeGrid.Cli.Output;

namespace QuakeGrid.Cli.Hazard;

/// <summary>
/// Shared pieces of the OpenQuake-compatible hazard CSV files: the leading <c>#,,,"key='value', ..."</c> metadata row
/// (as many commas as the table has columns minus one, so that the file stays rectangular), and the intensity-level and
/// PoE texts used in column names.
/// </summary>
public static class HazardCsvFormat
{
    /// <summary>
    /// The metadata row OpenQuake writes before the header, e.g.
    /// <c>#,,,,,"generated_by='QuakeGrid', kind='mean', investigation_time=50.0, imt='PGA'"</c>.
    /// </summary>
    public static string MetadataRow(int columns, IEnumerable<(string Key, string Value)> items)
    {
        var text = string.Join(", ", items.Select(i => $"{i.Key}={i.Value}"));
        return "#" + new string(',', Math.Max(1, columns - 1)) + "\"" + text.Replace("\"", "'", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Quoted metadata text value (<c>'PGA'</c>).</summary>
    public static string Quoted(string value) => "'" + value + "'";

    /// <summary>A number in metadata, always with a decimal point as Python prints floats (<c>50.0</c>).</summary>
    public static string PythonFloat(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>
    /// The intensity levels in <c>poe-&lt;iml&gt;</c> column names: seven decimals as OpenQuake writes them
    /// (<c>poe-0.1000000</c>) when every level is at least 0.001 (so at least five significant digits remain), otherwise
    /// the round-trip text of every level, so that small levels are not lost.
    /// </summary>
    public static IReadOnlyList<string> LevelTexts(IReadOnlyList<double> levels) =>
        levels.All(l => l >= 1e-3)
            ? levels.Select(l => l.ToString("F7", CultureInfo.InvariantCulture)).ToArray()
            : levels.Select(NumberFormat.RoundTrip).ToArray();

    /// <summary>A PoE in a <c>&lt;IMT&gt;-&lt;poe&gt;</c> column name, as Python prints it (<c>0.1</c>, <c>0.002105</c>).</summary>
    public static string PoeText(double poe) => NumberFormat.RoundTrip(poe);
}
