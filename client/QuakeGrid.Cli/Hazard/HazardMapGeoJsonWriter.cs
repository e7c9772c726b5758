using System.Text.Json;
using QuakeGrid.Cli.Output;
using QuakeGrid.Core.Hazard;

namespace QuakeGrid.Cli.Hazard;

/// <summary>
/// <c>hazard_map.geojson</c> (RFC 7946): a FeatureCollection with one Point feature per site, in job order, whose
/// properties are <c>site</c> (0-based index), <c>vs30</c> (m/s) and the same <c>&lt;IMT&gt;-&lt;poe&gt;</c> values as
/// <c>hazard_map.csv</c> (g; cm/s for PGV).
/// </summary>
public static class HazardMapGeoJsonWriter
{
    public const string FileName = "hazard_map.geojson";

    public static void Write(Stream stream, HazardCurveSet curves)
    {
        var names = HazardMapCsvWriter.ColumnNames(curves).Select(n => JsonEncodedText.Encode(n)).ToArray();
        SitePointGeoJson.Write(stream, curves.Sites, (json, s) =>
        {
            var c = 0;
            for (var k = 0; k < curves.Imtls.Count; k++)
            for (var p = 0; p < curves.MapPoes.Count; p++)
                json.WriteNumber(names[c++], curves.Maps[k][p][s]);
        });
    }
}
