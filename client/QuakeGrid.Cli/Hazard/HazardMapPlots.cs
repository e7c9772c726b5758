using System.Globalization;
using QuakeGrid.Cli.Output;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Sources;

namespace QuakeGrid.Cli.Hazard;

/// <summary>
/// One PNG hazard map per IMT and PoE (<c>hazard_map-&lt;IMT&gt;-&lt;poe&gt;.png</c>), drawn by
/// <see cref="ScenarioMapPlotter"/>: the map intensity per site on a log colour scale with a colour bar in g (cm/s for
/// PGV), the source outlines of the model, and a title naming the IMT, the PoE and investigation time, the mode and the
/// job. Sites whose whole curve lies below the PoE (map value 0, below the lowest intensity level) cannot be shown on a
/// log scale; they are left blank and the title says how many there are.
/// </summary>
public static class HazardMapPlots
{
    /// <summary>A map to draw: its file name, the layer, and the number of sites left blank.</summary>
    public sealed record Plot(string FileName, MapLayer Layer, int BlankSites);

    public static string FileName(Imt imt, double poe) => $"hazard_map-{imt}-{HazardCsvFormat.PoeText(poe)}.png";

    /// <summary>The maps of every IMT and PoE with at least one positive value.</summary>
    public static IReadOnlyList<Plot> Build(HazardCurveSet curves, SourceModel model, string jobTitle, string modeTitle)
    {
        var (lines, points) = SourceOutlines.For(model);
        var plots = new List<Plot>();
        var sites = curves.Sites;
        for (var k = 0; k < curves.Imtls.Count; k++)
        {
            var imtl = curves.Imtls[k];
            var unit = imtl.Imt.Kind == ImtKind.Pgv ? "cm/s" : "g";
            for (var p = 0; p < curves.MapPoes.Count; p++)
            {
                var map = curves.Maps[k][p];
                var keep = Enumerable.Range(0, sites.Count).Where(s => map[s] > 0).ToArray();
                if (keep.Length == 0) continue;
                var poe = curves.MapPoes[p];
                var blank = sites.Count - keep.Length;
                var title = $"{imtl.Imt}, {Percent(poe)} probability of exceedance in {Years(curves.InvestigationTime)} years ({modeTitle})\n{Shorten(jobTitle)}";
                if (blank > 0)
                    title += $"; {blank:N0} sites below {imtl.Levels[0].ToString("G4", CultureInfo.InvariantCulture)} {unit} blank";
                var layer = new MapLayer(
                    keep.Select(s => sites.Lon[s]).ToArray(),
                    keep.Select(s => sites.Lat[s]).ToArray(),
                    keep.Select(s => map[s]).ToArray(),
                    imtl.Imt.ToString(), unit, title, lines, points);
                plots.Add(new Plot(FileName(imtl.Imt, poe), layer, blank));
            }
        }
        return plots;
    }

    /// <summary>The job title cut to fit the map width.</summary>
    private static string Shorten(string text) => text.Length <= MaxTitle ? text : text[..(MaxTitle - 3)] + "...";

    private const int MaxTitle = 64;

    private static string Percent(double poe) => (poe * 100).ToString("0.###", CultureInfo.InvariantCulture) + " %";

    private static string Years(double t) => t.ToString("0.###", CultureInfo.InvariantCulture);
}
