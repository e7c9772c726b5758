namespace QuakeGrid.Core.IO.Stations;

/// <summary>
/// A station record, or one value of it, that a reader did not accept: the file, the record (station id and line or
/// feature number), the field, and why. Rejections are returned next to the accepted stations, never dropped silently.
/// </summary>
public sealed record StationRejection(string Source, string Record, string? Field, string Reason)
{
    public override string ToString() => Field is null ? $"{Source}, {Record}: {Reason}" : $"{Source}, {Record}, field '{Field}': {Reason}";
}
