using QuakeGrid.Cli.Input;
using QuakeGrid.Cli.Output;
using QuakeGrid.Cli.Reporting;
using QuakeGrid.Core.Gmm;

namespace QuakeGrid.Cli.Scenario;

/// <summary>
/// Writes a scenario's outputs into a folder: <c>scenario.csv</c>, <c>scenario.geojson</c>, <c>scenario.png</c> (map of
/// the first IMT's median) and one <c>scenario_&lt;IMT&gt;.png</c> per further IMT (parentheses dropped, e.g.
/// <c>scenario_SA1.0.png</c>). All files are staged as temporary files and moved into place together at the end.
/// </summary>
public static class ScenarioOutputs
{
    public const string CsvFileName = "scenario.csv";
    public const string GeoJsonFileName = "scenario.geojson";
    public const string MapFileName = "scenario.png";

    public static IReadOnlyList<string> Write(string directory, ScenarioInputs inputs, string gmmName, GmmResult result)
    {
        using var staged = new StagedFiles();
        staged.WriteText(Path.Combine(directory, CsvFileName), w => ScenarioCsvWriter.Write(w, inputs.Sites, inputs.Imts, result));
        staged.WriteStream(Path.Combine(directory, GeoJsonFileName), s => ScenarioGeoJsonWriter.Write(s, inputs.Sites, inputs.Imts, result));
        for (var k = 0; k < inputs.Imts.Count; k++)
        {
            var png = ScenarioMapPlotter.RenderPng(Layer(inputs, gmmName, result, k));
            staged.WriteStream(Path.Combine(directory, MapFileNameFor(inputs.Imts, k)), s => s.Write(png));
        }
        var targets = staged.Targets;
        staged.Commit();
        return targets;
    }

    /// <summary><c>scenario.png</c> for the first IMT, <c>scenario_&lt;IMT&gt;.png</c> for the others.</summary>
    public static string MapFileNameFor(IReadOnlyList<NamedImt> imts, int k) =>
        k == 0 ? MapFileName : "scenario_" + imts[k].Label.Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal) + ".png";

    private static MapLayer Layer(ScenarioInputs inputs, string gmmName, GmmResult result, int k)
    {
        var n = inputs.Sites.Count;
        var values = new double[n];
        for (var i = 0; i < n; i++) values[i] = Math.Exp(result.LnMedian[k][i]);
        var imt = inputs.Imts[k];
        var rupture = inputs.Rupture;
        return new MapLayer(inputs.Sites.Lon, inputs.Sites.Lat, values,
            "median " + imt.Label, ScenarioReport.Unit(imt.Imt),
            $"{inputs.EventName}: {gmmName} median {imt.Label}, {n:N0} sites",
            [new MapLine("rupture top edge", rupture.Surface.TopEdge)],
            [new MapPoints("epicentre", [rupture.Hypocenter], MapMarker.Epicentre)]);
    }
}
