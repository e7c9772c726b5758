using System.Text.Json;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Silo.Http;

/// <summary>Reads request bodies under a byte cap (413 above it) and parses JSON strictly (no NaN literals, no comments).</summary>
public static class RequestBody
{
    /// <summary>Largest station upload, bytes (a ShakeMap stationlist.json of a great earthquake is a few MB).</summary>
    public const long MaxStationBytes = 16L * 1024 * 1024;

    /// <summary>Largest event definition, bytes (an NRML rupture is small).</summary>
    public const long MaxEventBytes = 2L * 1024 * 1024;

    /// <summary>Largest hazard job upload, bytes.</summary>
    public const long MaxJobBytes = 64L * 1024 * 1024;

    /// <summary>The body as bytes; <see cref="RequestTooLargeException"/> when it is longer than <paramref name="limit"/>.</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength is { } declared && declared > limit) throw new RequestTooLargeException(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) throw new RequestTooLargeException(limit);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Parses <paramref name="body"/> as one JSON document; syntax errors name the request, line and JSON path.</summary>
    public static JsonDocument ParseJson(byte[] body, string source)
    {
        if (body.Length == 0) throw new QuakeGridInputException(source, null, null, "the request body is empty (JSON expected)");
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new QuakeGridInputException(source, e.LineNumber is { } l ? $"line {l + 1}" : null, e.Path, "not valid JSON: " + e.Message, e);
        }
    }
}
