using QuakeGrid.Cli.Fields;
using QuakeGrid.Cli.Input;
using QuakeGrid.Cli.Output;
using QuakeGrid.Cli.Reporting;
using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.IO.Stations;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Cli.Conditioning;

/// <summary>
/// Writes the outputs of <c>quakegrid condition</c> into a folder, staged and moved into place together:
/// <c>conditioned.csv</c> (<c>lon,lat,mean_ln,std_ln</c>: conditional mean and total standard deviation of ln IM),
/// <c>samples.csv</c> when samples were drawn (<c>site_id,lon,lat,ev0,...</c>, ln IM) and <c>conditioned.png</c>
/// (map of the conditioned median exp(mean_ln) with the stations and the rupture).
/// </summary>
public static class ConditionOutputs
{
    public const string CsvFileName = "conditioned.csv";
    public const string SamplesFileName = "samples.csv";
    public const string MapFileName = "conditioned.png";

    public static IReadOnlyList<string> Write(string directory, SiteCollection targets, string[] ids, StationConditioningResult result,
        StationSet stations, Rupture rupture, NamedImt imt, string title) =>
        Write(directory, targets, ids, result.Field.MeanLn, result.Field.StdLn, result.Samples, result.SampleCount, stations, rupture, imt, title);

    /// <summary>
    /// Writes the outputs from the conditional mean <paramref name="meanLn"/> and total standard deviation
    /// <paramref name="stdLn"/> of ln IM at each target (and samples, row-major n×E, when not null).
    /// </summary>
    public static IReadOnlyList<string> Write(string directory, SiteCollection targets, string[] ids, double[] meanLn, double[] stdLn,
        double[]? samples, int sampleCount, StationSet stations, Rupture rupture, NamedImt imt, string title)
    {
        Directory.CreateDirectory(directory);
        using var staged = new StagedFiles();
        staged.WriteText(Path.Combine(directory, CsvFileName), w =>
        {
            w.Write("lon,lat,mean_ln,std_ln\n");
            for (var i = 0; i < targets.Count; i++)
                w.Write($"{NumberFormat.RoundTrip(targets.Lon[i])},{NumberFormat.RoundTrip(targets.Lat[i])},{NumberFormat.RoundTrip(meanLn[i])},{NumberFormat.RoundTrip(stdLn[i])}\n");
        });
        if (samples is not null)
        {
            var fields = new GmfFields(ids, targets.Lon, targets.Lat, sampleCount, samples, GmfComponent.Total);
            staged.WriteText(Path.Combine(directory, SamplesFileName), w => GmfCsvWriter.Write(w, fields));
        }
        var median = new double[targets.Count];
        for (var i = 0; i < median.Length; i++) median[i] = Math.Exp(meanLn[i]);
        var stationPoints = new GeoPoint[stations.Count];
        for (var k = 0; k < stations.Count; k++) stationPoints[k] = new GeoPoint(stations.Lon[k], stations.Lat[k], 0.0);
        var layer = new MapLayer(targets.Lon, targets.Lat, median, "conditioned median " + imt.Label, ScenarioReport.Unit(imt.Imt), title,
            [new MapLine("rupture top edge", rupture.Surface.TopEdge)],
            [new MapPoints($"stations ({stations.Count})", stationPoints, MapMarker.Station), new MapPoints("epicentre", [rupture.Hypocenter], MapMarker.Epicentre)]);
        var png = ScenarioMapPlotter.RenderPng(layer);
        staged.WriteStream(Path.Combine(directory, MapFileName), s => s.Write(png));
        var targetsWritten = staged.Targets;
        staged.Commit();
        return targetsWritten;
    }
}
