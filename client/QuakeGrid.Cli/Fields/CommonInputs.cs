using QuakeGrid.Cli.Input;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Ruptures;
using QuakeGrid.Core.IO.SiteModel;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Fields;

/// <summary>Input checks shared by <c>gmf</c>, <c>condition</c> and <c>correlation</c>: files, one IMT, a kernel specification.</summary>
public static class CommonInputs
{
    public static Rupture ReadRupture(string path)
    {
        if (!File.Exists(path)) throw new QuakeGridInputException(path, null, null, "rupture file not found (--rupture)");
        return NrmlRuptureReader.Read(path);
    }

    public static SiteModel ReadSites(string path, string optionName = "--sites")
    {
        if (!File.Exists(path)) throw new QuakeGridInputException(path, null, null, $"site file not found ({optionName})");
        var model = SiteModelCsvReader.Read(path);
        if (model.Sites.Count == 0) throw new QuakeGridInputException(path, null, null, "the site file has no sites");
        return model;
    }

    /// <summary>Exactly one IMT, e.g. <c>PGA</c> or <c>SA(1.0)</c>.</summary>
    public static NamedImt SingleImt(string text, string optionName = "--imt")
    {
        var list = ImtListParser.Parse(text, optionName);
        if (list.Count != 1) throw new QuakeGridInputException(optionName, text, null, "give exactly one intensity measure type");
        return list[0];
    }

    /// <summary>The kernel for <paramref name="spec"/> at <paramref name="imt"/>; a bad specification names the option.</summary>
    public static ISpatialCorrelation Kernel(string spec, Imt imt, string optionName = "--correlation")
    {
        try
        {
            return CorrelationFactory.Parse(spec, imt);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new QuakeGridInputException(optionName, spec, null, e.Message);
        }
    }

    /// <summary>Site ids of a site model (its <c>custom_site_id</c>/id column) or the row numbers.</summary>
    public static string[] SiteIds(SiteModel model)
    {
        if (model.Ids is { } ids) return ids;
        var n = model.Sites.Count;
        var result = new string[n];
        for (var i = 0; i < n; i++) result[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }
}
