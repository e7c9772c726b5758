using System.Globalization;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Correlation;

/// <summary>
/// Builds a kernel from a specification <c>NAME[:option,option,...]</c>; options are flags or <c>key=value</c>, case-insensitive:
/// <list type="bullet">
/// <item><c>JB2009</c>, <c>JB2009:vs30-clustering</c> — Jayaram &amp; Baker (2009); option <c>metric=geodesic|planar</c> (default geodesic).</item>
/// <item><c>HM2018</c> — Heresi &amp; Miranda (2018) median; option <c>metric</c>.</item>
/// <item><c>E</c>, <c>EA</c>, <c>EAS</c> — Bodenmann et al. (2023); keys <c>lE</c> (km), <c>gammaE</c>, <c>lA</c> (deg), <c>lS</c> (m/s), <c>w</c>;
/// without keys the published posterior means at the IMT are used (PGA, SA 0.01–6 s at the fitted periods);
/// option <c>distance=epicentral|geodesic</c> for d_E (default epicentral).</item>
/// <item><c>Exponential:length=L</c> — exp(−h/L); <c>Matern:nu=0.5|1.5|2.5,length=L</c>; option <c>metric</c> (default planar).</item>
/// </list>
/// Errors are <see cref="FormatException"/>s naming the specification and the offending option.
/// </summary>
public static class CorrelationFactory
{
    public static ISpatialCorrelation Parse(string spec, Imt imt)
    {
        if (string.IsNullOrWhiteSpace(spec)) throw new FormatException("empty correlation model specification");
        var colon = spec.IndexOf(':');
        var name = (colon < 0 ? spec : spec[..colon]).Trim();
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (colon >= 0)
        {
            foreach (var raw in spec[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = raw.IndexOf('=');
                if (eq < 0) flags.Add(raw);
                else keys[raw[..eq].Trim()] = raw[(eq + 1)..].Trim();
            }
        }

        ISpatialCorrelation result;
        try
        {
            switch (name.ToUpperInvariant())
            {
                case "JB2009":
                {
                    var clustering = flags.Remove("vs30-clustering") | flags.Remove("vs30_clustering");
                    result = new JayaramBaker2009Correlation(imt, clustering, Metric(keys, DistanceMetric.Geodesic));
                    break;
                }
                case "HM2018":
                    result = new HeresiMiranda2018Correlation(imt, Metric(keys, DistanceMetric.Geodesic));
                    break;
                case "E":
                case "EA":
                case "EAS":
                {
                    var variant = Enum.Parse<BodenmannVariant>(name, ignoreCase: true);
                    var distance = BodenmannDistance.Epicentral;
                    if (keys.Remove("distance", out var d))
                    {
                        distance = d.ToLowerInvariant() switch
                        {
                            "epicentral" => BodenmannDistance.Epicentral,
                            "geodesic" => BodenmannDistance.Geodesic,
                            _ => throw new FormatException($"option distance='{d}' must be epicentral or geodesic"),
                        };
                    }
                    BodenmannParameters p;
                    var anyKey = keys.ContainsKey("lE") || keys.ContainsKey("gammaE") || keys.ContainsKey("lA") || keys.ContainsKey("lS") || keys.ContainsKey("w");
                    if (anyKey)
                    {
                        p = new BodenmannParameters(Take(keys, "lE"), Take(keys, "gammaE"),
                            variant == BodenmannVariant.E ? double.NaN : Take(keys, "lA"),
                            variant == BodenmannVariant.EAS ? Take(keys, "lS") : double.NaN,
                            variant == BodenmannVariant.EAS ? Take(keys, "w") : double.NaN);
                    }
                    else if (!BodenmannParameters.TryPosteriorMean(variant, imt, out p))
                    {
                        throw new FormatException($"no published parameters for {variant} at {imt}; give lE, gammaE" + (variant == BodenmannVariant.E ? "" : ", lA") + (variant == BodenmannVariant.EAS ? ", lS, w" : ""));
                    }
                    result = new BodenmannCorrelation(variant, p, distance);
                    break;
                }
                case "EXPONENTIAL":
                    result = new ExponentialCorrelation(Take(keys, "length"), Metric(keys, DistanceMetric.Planar));
                    break;
                case "MATERN":
                    result = new MaternCorrelation(Take(keys, "nu"), Take(keys, "length"), Metric(keys, DistanceMetric.Planar));
                    break;
                default:
                    throw new FormatException($"unknown model '{name}' (expected JB2009, HM2018, E, EA, EAS, Exponential or Matern)");
            }
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"correlation model '{spec}': {ex.Message}", ex);
        }
        catch (FormatException ex) when (!ex.Message.StartsWith("correlation model", StringComparison.Ordinal))
        {
            throw new FormatException($"correlation model '{spec}': {ex.Message}", ex);
        }

        if (flags.Count > 0 || keys.Count > 0)
        {
            var extra = string.Join(", ", flags.Concat(keys.Keys));
            throw new FormatException($"correlation model '{spec}': unknown option(s) {extra} for {name}");
        }
        return result;
    }

    private static DistanceMetric Metric(Dictionary<string, string> keys, DistanceMetric fallback)
    {
        if (!keys.Remove("metric", out var m)) return fallback;
        return m.ToLowerInvariant() switch
        {
            "geodesic" => DistanceMetric.Geodesic,
            "planar" => DistanceMetric.Planar,
            _ => throw new FormatException($"option metric='{m}' must be geodesic or planar"),
        };
    }

    private static double Take(Dictionary<string, string> keys, string key)
    {
        if (!keys.Remove(key, out var text)) throw new FormatException($"missing option {key}=<number>");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new FormatException($"option {key}='{text}' is not a finite number");
        return v;
    }
}
