using System.CommandLine;
using System.Globalization;
using System.Text;
using QuakeGrid.Cli.Fields;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Commands;

/// <summary>
/// <c>quakegrid correlation --model JB2009|HM2018|E|EA|EAS [--imt PGA] [--vs30-clustering] [--le L --gamma G --la A --ls S --w W]
/// [--epicenter lon,lat] [--metric geodesic|planar] --sites S.csv</c>: prints the within-event correlation matrix of a few
/// sites (at most <see cref="MaxSites"/>) for checking a kernel: a header row of site ids, then one row per site.
/// </summary>
public static class CorrelationCommand
{
    /// <summary>Largest site count printed.</summary>
    public const int MaxSites = 50;

    public static Command Create(CliEnvironment env)
    {
        var model = new Option<string>("--model") { Description = "JB2009, HM2018, E, EA or EAS (Bodenmann et al. 2023).", Required = true };
        var imt = new Option<string>("--imt") { Description = "Intensity measure type (sets the model's range or published parameters).", DefaultValueFactory = _ => "PGA" };
        var clustering = new Option<bool>("--vs30-clustering") { Description = "JB2009 case 2 (Vs30 values clustered)." };
        var metric = new Option<string?>("--metric") { Description = "Distance for JB2009/HM2018: geodesic (default) or planar." };
        var le = new Option<double?>("--le") { Description = "Bodenmann l_E, km." };
        var gamma = new Option<double?>("--gamma") { Description = "Bodenmann gamma_E." };
        var la = new Option<double?>("--la") { Description = "Bodenmann l_A, degrees (EA, EAS)." };
        var ls = new Option<double?>("--ls") { Description = "Bodenmann l_S, m/s (EAS)." };
        var w = new Option<double?>("--w") { Description = "Bodenmann weight w (EAS)." };
        var epicenter = new Option<string?>("--epicenter") { Description = "Epicentre lon,lat (degrees); required for E, EA and EAS." };
        var sites = new Option<string>("--sites") { Description = "Site-model CSV (lon,lat,vs30[,custom_site_id]).", Required = true };

        var command = new Command("correlation", $"Print the spatial correlation matrix of a few sites (at most {MaxSites}).");
        foreach (var o in new Option[] { model, imt, clustering, metric, le, gamma, la, ls, w, epicenter, sites }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var spec = Spec(parse.GetRequiredValue(model), parse.GetValue(clustering), parse.GetValue(metric),
                parse.GetValue(le), parse.GetValue(gamma), parse.GetValue(la), parse.GetValue(ls), parse.GetValue(w));
            return Run(env, spec, parse.GetValue(imt)!, parse.GetValue(epicenter), parse.GetRequiredValue(sites));
        });
        return command;
    }

    /// <summary>The <see cref="CorrelationFactory"/> specification for the options.</summary>
    private static string Spec(string name, bool clustering, string? metric, double? le, double? gamma, double? la, double? ls, double? w)
    {
        var upper = name.Trim().ToUpperInvariant();
        var bodenmann = upper is "E" or "EA" or "EAS";
        var options = new List<string>();
        if (clustering)
        {
            if (upper != "JB2009") throw new QuakeGridInputException("--vs30-clustering", null, null, "applies to JB2009 only");
            options.Add("vs30-clustering");
        }
        if (metric is not null)
        {
            if (bodenmann) throw new QuakeGridInputException("--metric", null, null, "applies to JB2009 and HM2018 only");
            options.Add("metric=" + metric);
        }
        (string Key, string Option, double? Value)[] parameters = [("lE", "--le", le), ("gammaE", "--gamma", gamma), ("lA", "--la", la), ("lS", "--ls", ls), ("w", "--w", w)];
        foreach (var (key, option, value) in parameters)
        {
            if (value is not { } v) continue;
            if (!bodenmann) throw new QuakeGridInputException(option, null, null, "applies to the E, EA and EAS models only");
            options.Add(key + "=" + v.ToString("R", CultureInfo.InvariantCulture));
        }
        return options.Count == 0 ? name.Trim() : name.Trim() + ":" + string.Join(",", options);
    }

    private static int Run(CliEnvironment env, string spec, string imtText, string? epicenterText, string sitesPath)
    {
        var imt = CommonInputs.SingleImt(imtText);
        var kernel = CommonInputs.Kernel(spec, imt.Imt, "--model");
        GeoPoint? epicentre = null;
        if (epicenterText is not null) epicentre = ParseEpicentre(epicenterText);
        else if (kernel is BodenmannCorrelation) throw new QuakeGridInputException("--epicenter", null, null, $"{kernel.Name} depends on epicentral distance and azimuth; give --epicenter lon,lat");
        var siteModel = CommonInputs.ReadSites(sitesPath);
        var n = siteModel.Sites.Count;
        if (n > MaxSites) throw new QuakeGridInputException(sitesPath, null, null, $"{n} sites; the correlation command prints at most {MaxSites} (it is for checking small cases)");
        var cs = CorrelationSiteBuilder.FromSites(siteModel.Sites, null, epicentre);
        var ids = CommonInputs.SiteIds(siteModel);

        env.Out.WriteLine($"# {kernel.Name} at {imt.Label}, {n} sites ({spec})");
        var sb = new StringBuilder("site_id");
        foreach (var id in ids) sb.Append(',').Append(id);
        env.Out.WriteLine(sb.ToString());
        for (var i = 0; i < n; i++)
        {
            sb.Clear().Append(ids[i]);
            for (var j = 0; j < n; j++) sb.Append(',').Append(kernel.Rho(cs, i, cs, j).ToString("R", CultureInfo.InvariantCulture));
            env.Out.WriteLine(sb.ToString());
        }
        return ExitCodes.Success;
    }

    private static GeoPoint ParseEpicentre(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.IsFinite(lon) || !double.IsFinite(lat) || lon < -180 || lon > 360 || lat < -90 || lat > 90)
            throw new QuakeGridInputException("--epicenter", text, null, "expected lon,lat in degrees");
        return new GeoPoint(lon, lat, 0.0);
    }
}
