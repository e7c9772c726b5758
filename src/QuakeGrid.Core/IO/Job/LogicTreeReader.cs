using System.Globalization;
using System.Xml.Linq;
using QuakeGrid.Core.IO.Nrml;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Job;

/// <summary>
/// Reads OpenQuake NRML logic trees (0.4/0.5): the source model logic tree (one branch supported) and the gsim
/// logic tree (one <c>gmpeModel</c> branch set of weighted branches). Errors name the file, branch and element.
/// </summary>
public static class LogicTreeReader
{
    /// <summary>
    /// The source model file of a single-branch source model logic tree, resolved against the tree's folder; with
    /// <paramref name="confineTo"/> it must lie inside that folder (<see cref="JobFileConfinement"/>).
    /// </summary>
    public static string ReadSourceModelPath(string path, string? confineTo = null)
    {
        var branches = ReadBranches(path, "sourceModel");
        if (branches.Count != 1)
            throw new QuakeGridInputException(path, null, "logicTreeBranch", $"{branches.Count} source model branches; QuakeGrid supports exactly one");
        var (id, model, _, _) = branches[0];
        var full = JobFileConfinement.Resolve(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, model, confineTo,
            path, $"branch '{id}'", "uncertaintyModel");
        if (!File.Exists(full)) throw new QuakeGridInputException(path, $"branch '{id}'", "uncertaintyModel", $"source model file '{model}' not found (looked for {full})");
        return full;
    }

    /// <summary>The weighted GMM branches of a gsim logic tree. Weights must sum to 1.</summary>
    public static IReadOnlyList<GsimBranch> ReadGsimBranches(string path)
    {
        var branches = ReadBranches(path, "gmpeModel");
        var result = branches.Select(b => new GsimBranch(b.Id, b.Model, b.Weight, b.Trt)).ToList();
        var trts = result.Select(b => b.TectonicRegion ?? "").Distinct().ToList();
        foreach (var trt in trts)
        {
            var sum = result.Where(b => (b.TectonicRegion ?? "") == trt).Sum(b => b.Weight);
            if (Math.Abs(sum - 1.0) > 1e-6)
                throw new QuakeGridInputException(path, trt.Length == 0 ? null : $"branch set for '{trt}'", "uncertaintyWeight", $"weights sum to {sum}, not 1");
        }
        return result;
    }

    private static List<(string Id, string Model, double Weight, string? Trt)> ReadBranches(string path, string uncertaintyType)
    {
        var doc = NrmlXml.Load(path);
        var root = doc.Root!;
        var sets = root.Descendants().Where(e => e.Name.LocalName == "logicTreeBranchSet").ToList();
        if (sets.Count == 0) throw new QuakeGridInputException(path, null, "logicTreeBranchSet", "no branch set in the logic tree");
        var result = new List<(string, string, double, string?)>();
        foreach (var set in sets)
        {
            var type = set.Attribute("uncertaintyType")?.Value ?? "";
            var setId = set.Attribute("branchSetID")?.Value ?? "?";
            if (type != uncertaintyType)
                throw new QuakeGridInputException(path, $"branch set '{setId}'{NrmlXml.Line(set)}", "uncertaintyType",
                    $"uncertainty type '{type}' is not supported here (expected '{uncertaintyType}')");
            var trt = set.Attribute("applyToTectonicRegionType")?.Value;
            foreach (var b in set.Elements().Where(e => e.Name.LocalName == "logicTreeBranch"))
            {
                var id = b.Attribute("branchID")?.Value ?? "?";
                var record = $"branch '{id}'{NrmlXml.Line(b)}";
                var model = b.Elements().FirstOrDefault(e => e.Name.LocalName == "uncertaintyModel")?.Value.Trim();
                if (string.IsNullOrEmpty(model)) throw new QuakeGridInputException(path, record, "uncertaintyModel", "missing or empty");
                var wText = b.Elements().FirstOrDefault(e => e.Name.LocalName == "uncertaintyWeight")?.Value.Trim();
                if (wText is null || !double.TryParse(wText, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !(w > 0 && w <= 1))
                    throw new QuakeGridInputException(path, record, "uncertaintyWeight", $"'{wText}' is not a weight in (0, 1]");
                result.Add((id, GsimName(path, record, model), w, trt));
            }
        }
        if (result.Count == 0) throw new QuakeGridInputException(path, null, "logicTreeBranch", "no branches");
        return result;
    }

    /// <summary>
    /// OpenQuake allows TOML-style GMM spellings like <c>[BooreEtAl2014]</c>; arguments after the name are not
    /// supported and are an error rather than silently ignored.
    /// </summary>
    private static string GsimName(string path, string record, string model)
    {
        var m = model.Trim();
        if (!m.StartsWith('[')) return m;
        var close = m.IndexOf(']');
        if (close < 0) throw new QuakeGridInputException(path, record, "uncertaintyModel", $"malformed GMM spelling '{m}'");
        if (m[(close + 1)..].Trim().Length > 0)
            throw new QuakeGridInputException(path, record, "uncertaintyModel", $"GMM arguments are not supported: '{m}'");
        return m[1..close].Trim();
    }
}
