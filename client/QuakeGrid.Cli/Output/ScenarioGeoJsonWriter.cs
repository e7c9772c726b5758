using System.Text.Json;
using QuakeGrid.Cli.Input;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Cli.Output;

/// <summary>
/// <c>scenario.geojson</c> (RFC 7946): a FeatureCollection with one Point feature per site, in input order, whose
/// properties are <c>site</c>, <c>vs30</c> and the same <c>&lt;IMT&gt;:median|tau|phi|sigma</c> values as the CSV.
/// </summary>
public static class ScenarioGeoJsonWriter
{
    public static void Write(Stream stream, SiteCollection sites, IReadOnlyList<NamedImt> imts, GmmResult result)
    {
        var names = imts.Select(imt => ResultColumns.Suffixes.Select(s => JsonEncodedText.Encode(imt.Label + ":" + s)).ToArray()).ToArray();
        SitePointGeoJson.Write(stream, sites, (json, i) =>
        {
            for (var k = 0; k < imts.Count; k++)
            {
                json.WriteNumber(names[k][0], Math.Exp(result.LnMedian[k][i]));
                json.WriteNumber(names[k][1], result.Tau[k][i]);
                json.WriteNumber(names[k][2], result.Phi[k][i]);
                json.WriteNumber(names[k][3], result.Sigma[k][i]);
            }
        });
    }
}
