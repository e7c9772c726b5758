using System.Text.Json;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Inference.Priors;

/// <summary>
/// Reads priors from a JSON file. Keys are parameter names; missing keys keep the defaults of
/// <see cref="CorrelationPriors.Default"/>. Example:
/// <code>
/// { "LE":     { "distribution": "InverseGamma", "shape": 2, "scale": 30 },
///   "gammaE": { "distribution": "Beta", "a": 2, "b": 2 },          // prior of gammaE/2
///   "LA":     { "distribution": "Gamma", "shape": 2, "rate": 0.25 }, // prior of L = 180/LA − 4
///   "LS":     { "distribution": "LogNormal", "mu": 4.6, "sigma": 1 },
///   "w":      { "distribution": "Beta", "a": 2, "b": 2 } }
/// </code>
/// Distributions: InverseGamma(shape, scale), Gamma(shape, rate), LogNormal(mu, sigma) for LE, LA, LS;
/// Beta(a, b) for gammaE and w. All parameters must be finite and positive (mu any finite value). Every error names
/// the file and the key.
/// </summary>
public static class CorrelationPriorsConfig
{
    private static readonly string[] Keys = { "LE", "gammaE", "LA", "LS", "w" };

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static CorrelationPriors Read(string path)
    {
        if (!File.Exists(path)) throw new QuakeGridInputException(path, null, null, "file not found");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses JSON text; <paramref name="source"/> names it in errors.</summary>
    public static CorrelationPriors Parse(string json, string source)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException ex) { throw new QuakeGridInputException(source, null, null, $"invalid JSON: {ex.Message}", ex); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new QuakeGridInputException(source, null, null, "the root must be a JSON object keyed by parameter name");
            var d = CorrelationPriors.Default;
            var slots = new[] { d.LE, d.GammaEHalf, d.LAL, d.LS, d.W };
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                var k = Array.IndexOf(Keys, prop.Name);
                if (k < 0)
                    throw new QuakeGridInputException(source, prop.Name, null, $"unknown parameter; expected one of {string.Join(", ", Keys)}");
                slots[k] = ParseOne(prop.Value, source, prop.Name, unit: k is 1 or 4);
            }
            return new CorrelationPriors(slots[0], slots[1], slots[2], slots[3], slots[4]);
        }
    }

    private static PriorDistribution ParseOne(JsonElement e, string source, string key, bool unit)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new QuakeGridInputException(source, key, null, "must be an object with a 'distribution' and its parameters");
        string? dist = null;
        var nums = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in e.EnumerateObject())
        {
            if (string.Equals(p.Name, "distribution", StringComparison.OrdinalIgnoreCase))
            {
                if (p.Value.ValueKind != JsonValueKind.String) throw new QuakeGridInputException(source, key, "distribution", "must be a string");
                dist = p.Value.GetString();
            }
            else
            {
                if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDouble(out var v) || !double.IsFinite(v))
                    throw new QuakeGridInputException(source, key, p.Name, "must be a finite number");
                nums[p.Name] = v;
            }
        }
        if (dist is null) throw new QuakeGridInputException(source, key, "distribution", "is missing");

        double Need(string name, bool positive = true)
        {
            if (!nums.Remove(name, out var v)) throw new QuakeGridInputException(source, key, name, $"is required for {dist}");
            if (positive && !(v > 0)) throw new QuakeGridInputException(source, key, name, $"must be positive, got {v}");
            return v;
        }

        PriorDistribution prior = dist.ToLowerInvariant() switch
        {
            "inversegamma" => new InverseGammaPrior(Need("shape"), Need("scale")),
            "gamma" => new GammaPrior(Need("shape"), Need("rate")),
            "lognormal" => new LogNormalPrior(Need("mu", positive: false), Need("sigma")),
            "beta" => new BetaPrior(Need("a"), Need("b")),
            _ => throw new QuakeGridInputException(source, key, "distribution", $"unknown distribution '{dist}'; use InverseGamma, Gamma, LogNormal or Beta"),
        };
        if (nums.Count > 0)
            throw new QuakeGridInputException(source, key, nums.Keys.First(), $"is not a parameter of {dist}");
        if (prior.UnitInterval != unit)
            throw new QuakeGridInputException(source, key, "distribution",
                unit ? $"{key} lives in (0, 1) and needs a Beta prior" : $"{key} is positive and needs InverseGamma, Gamma or LogNormal");
        return prior;
    }
}
