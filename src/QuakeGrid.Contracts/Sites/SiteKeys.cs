using System.Globalization;

namespace QuakeGrid.Contracts.Sites;

/// <summary>
/// Primary keys of site grains: <c>event/{eventId}/{lon}/{lat}</c> or <c>job/{jobId}/{lon}/{lat}</c>, with the point
/// rounded to <see cref="Decimals"/> decimal places of a degree (about 11 m), so nearby queries share one grain and its cache.
/// </summary>
public static class SiteKeys
{
    /// <summary>Decimal places kept in a site key's coordinates.</summary>
    public const int Decimals = 4;

    /// <summary>Kind of a site key.</summary>
    public enum Kind { Event, Job }

    /// <summary>A point rounded as in a key.</summary>
    public static double Round(double degrees) => Math.Round(degrees, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>Key of the event site grain at (lon, lat).</summary>
    public static string ForEvent(string eventId, double lon, double lat) => Make("event", eventId, lon, lat);

    /// <summary>Key of the job site grain at (lon, lat).</summary>
    public static string ForJob(string jobId, double lon, double lat) => Make("job", jobId, lon, lat);

    /// <summary>Splits a key into its kind, owner id and rounded point.</summary>
    public static (Kind Kind, string Id, double Lon, double Lat) Parse(string key)
    {
        var parts = key.Split('/');
        if (parts.Length != 4 || (parts[0] != "event" && parts[0] != "job"))
            throw new ArgumentException($"'{key}' is not a site key (event|job/id/lon/lat)", nameof(key));
        return (parts[0] == "event" ? Kind.Event : Kind.Job, parts[1],
            double.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    private static string Make(string kind, string id, double lon, double lat)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (id.Contains('/')) throw new ArgumentException($"id '{id}' contains '/'", nameof(id));
        if (!double.IsFinite(lon) || !double.IsFinite(lat)) throw new ArgumentException("lon and lat must be finite");
        var f = "F" + Decimals.ToString(CultureInfo.InvariantCulture);
        return $"{kind}/{id}/{Round(lon).ToString(f, CultureInfo.InvariantCulture)}/{Round(lat).ToString(f, CultureInfo.InvariantCulture)}";
    }
}
