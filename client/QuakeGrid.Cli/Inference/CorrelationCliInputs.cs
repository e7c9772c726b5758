using System.Globalization;
using QuakeGrid.Core.Inference.Likelihood;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Inference;

/// <summary>Parsing of the correlation commands' options (<c>--model</c>, <c>--params</c>) into Core types.</summary>
public static class CorrelationCliInputs
{
    /// <summary>Parses <c>E</c>, <c>EA</c> or <c>EAS</c>; anything else is an input error naming <c>--model</c>.</summary>
    public static CorrelationModelKind ParseModel(string text)
    {
        if (!CorrelationModels.TryParse(text, out var kind))
            throw new QuakeGridInputException("--model", text, null, "unknown correlation model; expected E, EA or EAS");
        return kind;
    }

    /// <summary>
    /// Parses <c>LE=..,gammaE=..[,LA=..,LS=..,w=..]</c> (LE km, LA degrees, LS m/s). Every parameter of
    /// <paramref name="kind"/> must be given exactly once; parameters of other models, unknown names, malformed
    /// numbers and values outside the parameter's domain are input errors naming the parameter.
    /// </summary>
    public static KernelParameters ParseParams(string text, CorrelationModelKind kind)
    {
        var names = CorrelationModels.ParameterNames(kind);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (raw.Length == 0) throw new QuakeGridInputException("--params", text, null, "empty entry; expected name=value pairs separated by commas");
            var eq = raw.IndexOf('=');
            if (eq <= 0) throw new QuakeGridInputException("--params", raw, null, "expected name=value");
            var name = raw[..eq].Trim();
            var valueText = raw[(eq + 1)..].Trim();
            if (!CorrelationModels.AllParameterNames.Contains(name, StringComparer.Ordinal))
                throw new QuakeGridInputException("--params", raw, name, $"unknown parameter; model {kind} takes {string.Join(", ", names)}");
            if (!names.Contains(name, StringComparer.Ordinal))
                throw new QuakeGridInputException("--params", raw, name, $"not a parameter of model {kind} (it takes {string.Join(", ", names)})");
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                throw new QuakeGridInputException("--params", raw, name, $"'{valueText}' is not a finite number");
            if (!values.TryAdd(name, v))
                throw new QuakeGridInputException("--params", raw, name, "given more than once");
        }
        var missing = names.Where(n => !values.ContainsKey(n)).ToArray();
        if (missing.Length > 0)
            throw new QuakeGridInputException("--params", text, missing[0], $"missing for model {kind} (needs {string.Join(", ", names)})");
        var p = KernelParameters.FromArray(kind, names.Select(n => values[n]).ToArray());
        if (p.FirstInvalid(kind) is { } bad)
            throw new QuakeGridInputException("--params", text, bad, "outside its domain (LE, LS > 0; 0 < LA < 45; 0 < gammaE < 2; 0 < w < 1)");
        return p;
    }
}
