using QuakeGrid.Cli.Demo;
using QuakeGrid.Cli.Input;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.IO.Ruptures;
using QuakeGrid.Core.IO.SiteModel;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Scenario;

/// <summary>A scenario's resolved inputs: the rupture (OpenQuake NRML), the sites (site-model CSV), the IMTs and a name for titles.</summary>
public sealed record ScenarioInputs(Rupture Rupture, SiteCollection Sites, IReadOnlyList<NamedImt> Imts, string EventName, string? DemoDirectory)
{
    /// <summary>Reads the demo's bundled inputs, or the user's <c>--rupture</c> and <c>--sites</c> files.</summary>
    public static ScenarioInputs Resolve(bool demo, string? rupturePath, string? sitesPath, string? imtText)
    {
        if (demo)
        {
            if (rupturePath is not null || sitesPath is not null)
                throw new QuakeGridInputException("--demo", null, null, "--demo uses the bundled Hayward inputs; do not combine it with --rupture or --sites");
            var dir = HaywardDemo.Directory();
            var imts = ImtListParser.Parse(imtText ?? HaywardDemo.Imts);
            return new ScenarioInputs(
                NrmlRuptureReader.Read(Path.Combine(dir, HaywardDemo.RuptureFile)),
                SiteModelCsvReader.Read(Path.Combine(dir, HaywardDemo.SiteModelFile)).Sites,
                imts, HaywardDemo.EventName, dir);
        }
        if (rupturePath is null) throw new QuakeGridInputException("--rupture", null, null, "missing: give --rupture <NRML rupture xml> and --sites <site_model.csv>, or --demo");
        if (sitesPath is null) throw new QuakeGridInputException("--sites", null, null, "missing: give --sites <site_model.csv> (columns lon,lat,vs30[,z1pt0])");
        if (!File.Exists(rupturePath)) throw new QuakeGridInputException(rupturePath, null, null, "file not found");
        if (!File.Exists(sitesPath)) throw new QuakeGridInputException(sitesPath, null, null, "file not found");
        var rupture = NrmlRuptureReader.Read(rupturePath);
        var sites = SiteModelCsvReader.Read(sitesPath).Sites;
        var name = $"{Path.GetFileNameWithoutExtension(rupturePath)} M{rupture.Magnitude.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}";
        return new ScenarioInputs(rupture, sites, ImtListParser.Parse(imtText ?? HaywardDemo.Imts), name, null);
    }
}
