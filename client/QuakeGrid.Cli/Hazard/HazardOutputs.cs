using QuakeGrid.Cli.Output;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.Sources;

namespace QuakeGrid.Cli.Hazard;

/// <summary>
/// Writes every output of a hazard run into one folder, staged and moved into place together (<see cref="StagedFiles"/>):
/// <c>hazard_curve-&lt;IMT&gt;.csv</c> per IMT, <c>hazard_map.csv</c> and <c>hazard_map.geojson</c> (when the job has
/// <c>poes</c>), <c>events.csv</c> (event-based), and a PNG map per IMT and PoE.
/// </summary>
public static class HazardOutputs
{
    /// <summary>What was written: the file paths in order, and the maps not drawn because every site was 0.</summary>
    public sealed record Written(IReadOnlyList<string> Paths, IReadOnlyList<string> SkippedMaps);

    public static Written Write(string folder, HazardCurveSet curves, IReadOnlyList<RuptureOccurrence>? events, SourceModel model,
        string mode, string jobTitle, string modeTitle)
    {
        using var staged = new StagedFiles();
        for (var k = 0; k < curves.Imtls.Count; k++)
        {
            var imt = curves.Imtls[k].Imt.ToString();
            staged.WriteText(Path.Combine(folder, HazardCurveCsvWriter.FileName(imt)), w => HazardCurveCsvWriter.Write(w, curves, k, mode));
        }
        var skipped = new List<string>();
        if (curves.MapPoes.Count > 0)
        {
            staged.WriteText(Path.Combine(folder, HazardMapCsvWriter.FileName), w => HazardMapCsvWriter.Write(w, curves, mode));
            staged.WriteStream(Path.Combine(folder, HazardMapGeoJsonWriter.FileName), s => HazardMapGeoJsonWriter.Write(s, curves));
            var plots = HazardMapPlots.Build(curves, model, jobTitle, modeTitle);
            foreach (var plot in plots)
            {
                var png = ScenarioMapPlotter.RenderPng(plot.Layer);
                staged.WriteStream(Path.Combine(folder, plot.FileName), s => s.Write(png));
            }
            for (var k = 0; k < curves.Imtls.Count; k++)
            for (var p = 0; p < curves.MapPoes.Count; p++)
            {
                var name = HazardMapPlots.FileName(curves.Imtls[k].Imt, curves.MapPoes[p]);
                if (plots.All(x => x.FileName != name)) skipped.Add(name);
            }
        }
        if (events is not null)
            staged.WriteText(Path.Combine(folder, EventSetCsvWriter.FileName), w => EventSetCsvWriter.Write(w, events));
        var targets = staged.Targets;
        staged.Commit();
        return new Written(targets, skipped);
    }
}
