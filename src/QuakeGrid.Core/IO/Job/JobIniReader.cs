using System.Globalization;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Sources;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Job;

/// <summary>
/// Reads an OpenQuake <c>job.ini</c> for classical or event-based hazard, resolving the source model and gsim logic
/// trees relative to the file. Unknown keys produce warnings (in <see cref="JobConfig.Warnings"/>); bad values,
/// unknown GMMs and unsupported settings are errors naming the file, line and key.
/// </summary>
public static class JobIniReader
{
    /// <summary>Keys this reader uses.</summary>
    private static readonly HashSet<string> Used =
    [
        "calculation_mode", "description", "investigation_time", "intensity_measure_types_and_levels", "truncation_level",
        "truncation_tail", "maximum_distance", "ses_per_logic_tree_path", "random_seed", "ses_seed", "sites",
        "site_model_file", "region", "region_grid_spacing", "source_model_logic_tree_file", "gsim_logic_tree_file",
        "ground_motion_correlation_model", "ground_motion_correlation_params", "area_source_discretization",
        "rupture_mesh_spacing", "width_of_mfd_bin", "poes", "reference_vs30_value", "reference_vs30_type",
        "reference_depth_to_1pt0km_per_sec", "minimum_magnitude", "number_of_logic_tree_samples",
    ];

    /// <summary>Known OpenQuake keys that do not affect a QuakeGrid hazard calculation (no warning).</summary>
    private static readonly HashSet<string> Inert =
    [
        "export_dir", "minimum_engine_version", "source_nodes", "reference_depth_to_2pt5km_per_sec", "exports",
        "hazard_curves_from_gmfs", "mean", "mean_hazard_curves", "quantiles", "quantile_hazard_curves", "uniform_hazard_spectra",
        "hazard_maps", "individual_curves", "individual_rlzs", "ground_motion_fields", "save_ruptures", "complex_fault_mesh_spacing",
    ];

    /// <summary>
    /// Reads and validates the job at <paramref name="path"/>. With <paramref name="confineTo"/> (a submitted job), every
    /// file the job names must lie inside that folder (<see cref="JobFileConfinement"/>).
    /// </summary>
    public static JobConfig Read(string path, string? confineTo = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full)!;
        var ini = IniFile.Read(full);
        var warnings = new List<string>();
        foreach (var (key, e) in ini)
            if (!Used.Contains(key) && !Inert.Contains(key))
                warnings.Add($"{full}, line {e.Line}: unknown key '{key}' ignored");

        string? Get(string key) => ini.TryGetValue(key, out var e) && e.Value.Length > 0 ? e.Value : null;
        QuakeGridInputException Bad(string key, string problem) =>
            new(full, ini.TryGetValue(key, out var e) ? $"line {e.Line}" : null, key, problem);
        string Required(string key) => Get(key) ?? throw Bad(key, "required key is missing or empty");
        double Num(string key, string text)
        {
            if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
            throw Bad(key, $"'{text}' is not a finite number");
        }
        double Positive(string key, double fallback)
        {
            var t = Get(key);
            if (t is null) return fallback;
            var v = Num(key, t);
            if (!(v > 0)) throw Bad(key, $"{v} must be positive");
            return v;
        }
        long Integer(string key, long fallback, long min)
        {
            var t = Get(key);
            if (t is null) return fallback;
            if (!long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min) throw Bad(key, $"'{t}' is not an integer >= {min}");
            return v;
        }

        var modeText = Required("calculation_mode");
        var mode = modeText switch
        {
            "classical" => CalculationMode.Classical,
            "event_based" => CalculationMode.EventBased,
            "event_based_risk" or "ebrisk" => CalculationMode.EventBased,
            _ => throw Bad("calculation_mode", $"unsupported calculation mode '{modeText}' (expected classical or event_based)"),
        };
        if (modeText is "event_based_risk" or "ebrisk")
            warnings.Add($"{full}: calculation_mode '{modeText}' runs as event_based hazard; the risk settings are ignored");

        var investigationTime = Positive("investigation_time", double.NaN);
        if (double.IsNaN(investigationTime)) throw Bad("investigation_time", "required key is missing or empty");

        var imtls = ImtlParser.Parse(Required("intensity_measure_types_and_levels"), full, "intensity_measure_types_and_levels");

        double? truncation = null;
        var tl = Get("truncation_level");
        if (tl is not null && !tl.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            var v = Num("truncation_level", tl);
            if (v < 0) throw Bad("truncation_level", $"{v} must not be negative");
            truncation = v;
        }
        var tail = Get("truncation_tail") switch
        {
            null or "two_sided" => TruncationTail.TwoSided,
            "upper_only" => TruncationTail.UpperOnly,
            var other => throw Bad("truncation_tail", $"'{other}' is not 'two_sided' or 'upper_only'"),
        };

        var maxDistText = Get("maximum_distance");
        var maxDist = 300.0;
        if (maxDistText is not null)
        {
            if (maxDistText.TrimStart().StartsWith('{') || maxDistText.TrimStart().StartsWith('['))
                throw Bad("maximum_distance", "per-region or magnitude-dependent maximum distances are not supported; give one number in km");
            maxDist = Num("maximum_distance", maxDistText);
            if (!(maxDist > 0)) throw Bad("maximum_distance", $"{maxDist} must be positive");
        }

        var samples = Integer("number_of_logic_tree_samples", 0, 0);
        if (samples != 0) throw Bad("number_of_logic_tree_samples", "logic tree sampling is not supported; use 0 (full enumeration)");

        var randomSeed = Integer("random_seed", 42, long.MinValue);
        var sesSeed = Integer("ses_seed", randomSeed, long.MinValue);
        var ses = (int)Integer("ses_per_logic_tree_path", 1, 1);

        var meshSpacing = Positive("rupture_mesh_spacing", 5.0);
        var mfdBin = Positive("width_of_mfd_bin", 0.1);
        double? areaDisc = Get("area_source_discretization") is null ? null : Positive("area_source_discretization", 0);
        var minMag = Get("minimum_magnitude") is { } mm ? Num("minimum_magnitude", mm) : 0.0;

        var poes = new List<double>();
        if (Get("poes") is { } poesText)
            foreach (var p in poesText.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                var v = Num("poes", p);
                if (!(v > 0 && v < 1)) throw Bad("poes", $"PoE {v} must be in (0, 1)");
                poes.Add(v);
            }

        string? corr = Get("ground_motion_correlation_model");
        Correlation.PosteriorCorrelation? posterior = null;
        if (corr is not null && CorrelationModelSetting.IsPosterior(corr))
        {
            posterior = CorrelationModelSetting.ReadPosterior(corr, dir, full, $"line {ini["ground_motion_correlation_model"].Line}", "ground_motion_correlation_model", confineTo);
            corr = CorrelationModelSetting.Describe(posterior);
        }
        else if (corr is not null && corr != "JB2009")
            throw Bad("ground_motion_correlation_model", $"unsupported correlation model '{corr}' (QuakeGrid has JB2009 and posterior:<posterior.csv>[:R])");
        var vs30Clustering = false;
        if (Get("ground_motion_correlation_params") is { } cp)
        {
            var norm = cp.Replace(" ", "").Replace("'", "\"");
            if (norm.Contains("\"vs30_clustering\":true", StringComparison.OrdinalIgnoreCase)) vs30Clustering = true;
            else if (!norm.Contains("\"vs30_clustering\":false", StringComparison.OrdinalIgnoreCase) && norm != "{}")
                throw Bad("ground_motion_correlation_params", $"expected {{'vs30_clustering': True|False}}, got '{cp}'");
        }

        string Resolve(string key, string file) =>
            JobFileConfinement.Resolve(dir, file, confineTo, full, ini.TryGetValue(key, out var e) ? $"line {e.Line}" : null, key);
        var (sites, depths) = ReadSites(full, Get, Bad, Num, Positive, Resolve);

        var smltPath = Resolve("source_model_logic_tree_file", Required("source_model_logic_tree_file"));
        var gsimPath = Resolve("gsim_logic_tree_file", Required("gsim_logic_tree_file"));
        var sourceModel = LogicTreeReader.ReadSourceModelPath(smltPath, confineTo);
        var gsims = LogicTreeReader.ReadGsimBranches(gsimPath);
        foreach (var g in gsims) ValidateGmm(gsimPath, g);

        var job = new JobConfig
        {
            Path = full,
            Description = Get("description") ?? "",
            Mode = mode,
            InvestigationTime = investigationTime,
            Imtls = imtls,
            TruncationLevel = truncation,
            TruncationTail = tail,
            MaximumDistance = maxDist,
            SesPerLogicTreePath = ses,
            RandomSeed = randomSeed,
            SesSeed = sesSeed,
            Sites = sites,
            SiteDepths = depths,
            SourceModelPath = sourceModel,
            GsimBranches = gsims,
            AreaSourceDiscretization = areaDisc,
            RuptureMeshSpacing = meshSpacing,
            WidthOfMfdBin = mfdBin,
            MinimumMagnitude = minMag,
            Poes = poes,
            GroundMotionCorrelationModel = corr,
            CorrelationPosterior = posterior,
            Vs30Clustering = vs30Clustering,
            Warnings = warnings,
        };
        if (posterior is not null) warnings.AddRange(CorrelationModelSetting.PosteriorWarnings(job, posterior));
        return job;
    }

    /// <summary>Throws an error naming the GMM when QuakeGrid has no model of that name.</summary>
    private static void ValidateGmm(string gsimPath, GsimBranch g)
    {
        try
        {
            GmmFactory.Create(g.GmmName, GmmOptions.Default);
        }
        catch (Exception e) when (e is not QuakeGridInputException)
        {
            throw new QuakeGridInputException(gsimPath, $"branch '{g.BranchId}'", "uncertaintyModel", $"unknown GMM '{g.GmmName}': {e.Message}", e);
        }
        catch (QuakeGridInputException e)
        {
            throw new QuakeGridInputException(gsimPath, $"branch '{g.BranchId}'", "uncertaintyModel", $"unknown GMM '{g.GmmName}': {e.Problem}", e);
        }
    }

    private static (SiteCollection, double[]) ReadSites(string full, Func<string, string?> get,
        Func<string, string, QuakeGridInputException> bad, Func<string, string, double> num, Func<string, double, double> positive,
        Func<string, string, string> resolve)
    {
        var siteModel = get("site_model_file");
        if (siteModel is not null)
        {
            var sc = IO.SiteModel.SiteModelCsvReader.Read(resolve("site_model_file", siteModel)).Sites;
            return (sc, new double[sc.Count]);
        }
        var vs30Text = get("reference_vs30_value") ?? throw bad("reference_vs30_value", "required when there is no site_model_file");
        var vs30 = num("reference_vs30_value", vs30Text);
        if (!(vs30 > 0)) throw bad("reference_vs30_value", $"{vs30} must be positive (m/s)");
        var z1 = get("reference_depth_to_1pt0km_per_sec") is { } zt ? num("reference_depth_to_1pt0km_per_sec", zt) : double.NaN;

        List<double> lon = [], lat = [], depth = [];
        if (get("sites") is { } sitesText)
        {
            foreach (var item in sitesText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = item.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length is < 2 or > 3) throw bad("sites", $"site '{item}' must be 'lon lat' or 'lon lat depth'");
                lon.Add(num("sites", parts[0]));
                lat.Add(num("sites", parts[1]));
                depth.Add(parts.Length == 3 ? num("sites", parts[2]) : 0.0);
            }
        }
        else if (get("region") is { } regionText)
        {
            var spacing = positive("region_grid_spacing", double.NaN);
            if (double.IsNaN(spacing)) throw bad("region_grid_spacing", "required with 'region'");
            var poly = new List<GeoPoint>();
            foreach (var item in regionText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = item.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2) throw bad("region", $"vertex '{item}' must be 'lon lat'");
                poly.Add(new GeoPoint(num("region", parts[0]), num("region", parts[1])));
            }
            if (poly.Count < 3) throw bad("region", "a region polygon needs at least 3 vertices");
            var (glon, glat) = PolygonGrid.Discretize(poly, spacing);
            if (glon.Length == 0) throw bad("region_grid_spacing", $"no grid point of spacing {spacing} km falls inside the region");
            lon.AddRange(glon);
            lat.AddRange(glat);
            depth.AddRange(new double[glon.Length]);
        }
        else throw bad("sites", "no sites: give 'sites', 'site_model_file' or 'region' with 'region_grid_spacing'");

        var n = lon.Count;
        var vs = new double[n];
        var z = new double[n];
        Array.Fill(vs, vs30);
        Array.Fill(z, z1);
        return (new SiteCollection(lon.ToArray(), lat.ToArray(), vs, z, full), depth.ToArray());
    }
}
