using System.Text.Json;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Silo.Http;

/// <summary>
/// Maps errors to RFC 7807 problem details (<c>application/problem+json</c>) with the source, record and field of the bad
/// input as extensions: bad input 400, unknown event or job 404, a job not finished 409, an oversized body 413.
/// </summary>
public static class Problems
{
    /// <summary>Runs <paramref name="handler"/> and turns a bad-input error into a problem response.</summary>
    public static async Task<IResult> Guard(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (QuakeGridInputException e)
        {
            var status = e.Problem.StartsWith("unknown event", StringComparison.Ordinal) || e.Problem.StartsWith("unknown job", StringComparison.Ordinal)
                ? StatusCodes.Status404NotFound
                : e.Field == "state" ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Problem(status, status switch { 404 => "Not found", 409 => "Not ready", _ => "Bad request" }, e.Message, e.Source, e.Record, e.Field);
        }
        catch (RequestTooLargeException e)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", e.Message, "request", null, "body");
        }
        catch (BadHttpRequestException e)
        {
            return Problem(e.StatusCode, e.StatusCode == 413 ? "Request too large" : "Bad request", e.Message, "request", null, null);
        }
        catch (InvalidDataException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad request", e.Message, "request", null, "body");
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad request", e.Message, "request", null, e.Path);
        }
    }

    /// <summary>A problem response naming the field.</summary>
    public static IResult Problem(int status, string title, string detail, string source, string? record, string? field)
    {
        var extensions = new Dictionary<string, object?> { ["source"] = source };
        if (record is not null) extensions["record"] = record;
        if (field is not null) extensions["field"] = field;
        return Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
    }
}
