using QuakeGrid.Cli.Output;
using QuakeGrid.Core.Hazard;

namespace QuakeGrid.Cli.Hazard;

/// <summary>
/// <c>events.csv</c>: the stochastic event set of an event-based run, one row per rupture that occurred at least once,
/// in rupture-id order: <c>rup_id</c> (source index · 2³² + index in source), <c>source_id</c>, <c>mag</c> (Mw),
/// hypocentre <c>lon,lat</c> (degrees) and <c>depth</c> (km), <c>rake</c> (degrees), <c>annual_rate</c> (1/yr) and
/// <c>occurrences</c> (number of events in all stochastic event sets together).
/// </summary>
public static class EventSetCsvWriter
{
    public const string FileName = "events.csv";

    public const string Header = "rup_id,source_id,mag,lon,lat,depth,rake,annual_rate,occurrences";

    public static void Write(TextWriter writer, IReadOnlyList<RuptureOccurrence> events)
    {
        writer.WriteLine(Header);
        foreach (var e in events)
        {
            writer.Write(e.RuptureId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(CsvText(e.SourceId));
            foreach (var v in new[] { e.Magnitude, e.Hypocenter.Lon, e.Hypocenter.Lat, e.Hypocenter.Depth, e.Rake, e.AnnualRate })
            {
                writer.Write(',');
                writer.Write(NumberFormat.RoundTrip(v));
            }
            writer.Write(',');
            writer.WriteLine(e.Occurrences.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Quotes a text field when it holds a comma, quote or line break (RFC 4180).</summary>
    private static string CsvText(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
