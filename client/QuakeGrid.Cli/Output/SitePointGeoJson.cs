using System.Text.Json;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Cli.Output;

/// <summary>
/// A GeoJSON (RFC 7946) FeatureCollection with one Point feature per site, in site order: coordinates are
/// [lon, lat] in degrees, and the properties are <c>site</c> (0-based index), <c>vs30</c> (m/s) and whatever
/// <c>writeValues</c> adds for that site.
/// </summary>
public static class SitePointGeoJson
{
    /// <summary>Writes the collection to <paramref name="stream"/>; <paramref name="writeValues"/> writes the site's further properties.</summary>
    public static void Write(Stream stream, SiteCollection sites, Action<Utf8JsonWriter, int> writeValues)
    {
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        for (var i = 0; i < sites.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(sites.Lon[i]);
            json.WriteNumberValue(sites.Lat[i]);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteNumber("site", i);
            json.WriteNumber("vs30", sites.Vs30[i]);
            writeValues(json, i);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
