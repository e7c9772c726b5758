using QuakeGrid.Cli.Output;
using QuakeGrid.Core.Hazard;

namespace QuakeGrid.Cli.Hazard;

/// <summary>
/// <c>hazard_curve-&lt;IMT&gt;.csv</c> as OpenQuake exports mean hazard curves: a metadata row, the header
/// <c>lon,lat,depth,poe-&lt;iml&gt;...</c> and one row per site in job order with the probability of exceeding each level
/// in the investigation time. Coordinates in degrees, depth in km as given in the job's <c>sites</c> (0 otherwise);
/// numbers round-trip, so they read back as the calculator's doubles.
/// </summary>
public static class HazardCurveCsvWriter
{
    public static void Write(TextWriter writer, HazardCurveSet curves, int imtIndex, string mode)
    {
        var imtl = curves.Imtls[imtIndex];
        var columns = 3 + imtl.Levels.Length;
        writer.WriteLine(HazardCsvFormat.MetadataRow(columns,
        [
            ("generated_by", HazardCsvFormat.Quoted("QuakeGrid")),
            ("kind", HazardCsvFormat.Quoted("mean")),
            ("calculation_mode", HazardCsvFormat.Quoted(mode)),
            ("investigation_time", HazardCsvFormat.PythonFloat(curves.InvestigationTime)),
            ("imt", HazardCsvFormat.Quoted(imtl.Imt.ToString())),
        ]));
        writer.WriteLine("lon,lat,depth," + string.Join(",", HazardCsvFormat.LevelTexts(imtl.Levels).Select(l => "poe-" + l)));
        var sites = curves.Sites;
        var depths = curves.SiteDepths;
        for (var s = 0; s < sites.Count; s++)
        {
            writer.Write(NumberFormat.RoundTrip(sites.Lon[s]));
            writer.Write(',');
            writer.Write(NumberFormat.RoundTrip(sites.Lat[s]));
            writer.Write(',');
            writer.Write(NumberFormat.RoundTrip(depths.Length == sites.Count ? depths[s] : 0.0));
            foreach (var p in curves.Curve(imtIndex, s))
            {
                writer.Write(',');
                writer.Write(NumberFormat.RoundTrip(p));
            }
            writer.WriteLine();
        }
    }

    /// <summary>File name for one IMT, e.g. <c>hazard_curve-SA(0.1).csv</c>.</summary>
    public static string FileName(string imt) => $"hazard_curve-{imt}.csv";
}
