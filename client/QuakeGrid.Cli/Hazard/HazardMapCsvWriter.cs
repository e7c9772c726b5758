using QuakeGrid.Cli.Output;
using QuakeGrid.Core.Hazard;

namespace QuakeGrid.Cli.Hazard;

/// <summary>
/// <c>hazard_map.csv</c> as OpenQuake exports mean hazard maps: a metadata row, the header
/// <c>lon,lat,&lt;IMT&gt;-&lt;poe&gt;...</c> (IMT-major, PoEs in job order) and one row per site with the intensity (g;
/// cm/s for PGV) whose probability of exceedance in the investigation time is the PoE, from log-log interpolation of
/// the curve (<see cref="HazardMaps"/>); 0 where the whole curve lies below the PoE.
/// </summary>
public static class HazardMapCsvWriter
{
    public const string FileName = "hazard_map.csv";

    /// <summary>Column names <c>&lt;IMT&gt;-&lt;poe&gt;</c> in the order of <see cref="HazardCurveSet.Maps"/>.</summary>
    public static IReadOnlyList<string> ColumnNames(HazardCurveSet curves) =>
        curves.Imtls.SelectMany(l => curves.MapPoes.Select(p => $"{l.Imt}-{HazardCsvFormat.PoeText(p)}")).ToArray();

    public static void Write(TextWriter writer, HazardCurveSet curves, string mode)
    {
        var names = ColumnNames(curves);
        writer.WriteLine(HazardCsvFormat.MetadataRow(2 + names.Count,
        [
            ("generated_by", HazardCsvFormat.Quoted("QuakeGrid")),
            ("kind", HazardCsvFormat.Quoted("mean")),
            ("calculation_mode", HazardCsvFormat.Quoted(mode)),
            ("investigation_time", HazardCsvFormat.PythonFloat(curves.InvestigationTime)),
        ]));
        writer.WriteLine("lon,lat" + string.Concat(names.Select(n => "," + n)));
        var sites = curves.Sites;
        for (var s = 0; s < sites.Count; s++)
        {
            writer.Write(NumberFormat.RoundTrip(sites.Lon[s]));
            writer.Write(',');
            writer.Write(NumberFormat.RoundTrip(sites.Lat[s]));
            for (var k = 0; k < curves.Imtls.Count; k++)
            for (var p = 0; p < curves.MapPoes.Count; p++)
            {
                writer.Write(',');
                writer.Write(NumberFormat.RoundTrip(curves.Maps[k][p][s]));
            }
            writer.WriteLine();
        }
    }
}
