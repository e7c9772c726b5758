using System.Globalization;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Silo.Http;

/// <summary>Query-string parameters, parsed invariantly; bad or missing values name the parameter.</summary>
public static class Query
{
    /// <summary>A required finite number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double Required(HttpRequest request, string name, double min, double max)
        => Optional(request, name, min, max) ?? throw new QuakeGridInputException("query", null, name, "missing");

    /// <summary>An optional finite number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double? Optional(HttpRequest request, string name, double min, double max)
    {
        if (!request.Query.TryGetValue(name, out var values) || values.Count == 0) return null;
        if (values.Count > 1) throw new QuakeGridInputException("query", null, name, "given more than once");
        var text = values[0] ?? "";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new QuakeGridInputException("query", null, name, $"'{text}' is not a finite number");
        if (v < min || v > max) throw new QuakeGridInputException("query", null, name, $"{text} is outside [{min}, {max}]");
        return v;
    }

    /// <summary>An optional string.</summary>
    public static string? Text(HttpRequest request, string name)
        => request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>An optional comma-separated list of finite numbers > 0 (at most <paramref name="maxCount"/>).</summary>
    public static double[]? PositiveList(HttpRequest request, string name, int maxCount)
    {
        var text = Text(request, name);
        if (text is null) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > maxCount) throw new QuakeGridInputException("query", null, name, $"{parts.Length} values; at most {maxCount}");
        var result = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out result[i]) || !double.IsFinite(result[i]) || result[i] <= 0)
                throw new QuakeGridInputException("query", $"value {i}", name, $"'{parts[i]}' is not a finite number > 0");
        return result;
    }
}

/// <summary>Ids in routes: event and job ids are 1 to 64 characters of A-Z, a-z, 0-9, '-', '_' and '.'.</summary>
public static class RouteIds
{
    /// <summary>Checks <paramref name="id"/>; a bad id names the route parameter.</summary>
    public static string Check(string id, string what)
    {
        if (string.IsNullOrEmpty(id) || id.Length > QuakeGrid.Contracts.Events.EventLimits.MaxIdLength
            || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw new QuakeGridInputException(what, id, "id", $"{what} ids are 1 to {QuakeGrid.Contracts.Events.EventLimits.MaxIdLength} characters of A-Z, a-z, 0-9, '-', '_' and '.'");
        return id;
    }
}
