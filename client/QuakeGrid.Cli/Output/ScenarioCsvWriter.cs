using System.Globalization;
using CsvHelper;
using QuakeGrid.Cli.Input;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Cli.Output;

/// <summary>
/// <c>scenario.csv</c>: <c>lon,lat,vs30</c> then per IMT <c>&lt;IMT&gt;:median,&lt;IMT&gt;:tau,&lt;IMT&gt;:phi,&lt;IMT&gt;:sigma</c>,
/// one row per site in input order; medians in g (cm/s for PGV), stddevs in ln units; invariant culture, round-trip precision.
/// </summary>
public static class ScenarioCsvWriter
{
    public static void Write(TextWriter writer, SiteCollection sites, IReadOnlyList<NamedImt> imts, GmmResult result)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        csv.WriteField("lon");
        csv.WriteField("lat");
        csv.WriteField("vs30");
        foreach (var imt in imts)
            foreach (var suffix in ResultColumns.Suffixes)
                csv.WriteField(imt.Label + ":" + suffix);
        csv.NextRecord();
        for (var i = 0; i < sites.Count; i++)
        {
            csv.WriteField(NumberFormat.RoundTrip(sites.Lon[i]));
            csv.WriteField(NumberFormat.RoundTrip(sites.Lat[i]));
            csv.WriteField(NumberFormat.RoundTrip(sites.Vs30[i]));
            for (var k = 0; k < imts.Count; k++) ResultColumns.WriteValues(csv, result, k, i);
            csv.NextRecord();
        }
    }
}
