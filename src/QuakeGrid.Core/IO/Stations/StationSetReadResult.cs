using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Stations;

/// <summary>
/// What a station reader accepted (<see cref="Stations"/>) and what it rejected, each rejection naming file, record and
/// field. <see cref="IgnoredColumns"/> lists input columns the reader does not use (for example MMI).
/// </summary>
public sealed record StationSetReadResult(StationSet Stations, IReadOnlyList<StationRejection> Rejections, IReadOnlyList<string> IgnoredColumns)
{
    /// <summary>Throws a <see cref="QuakeGridInputException"/> for the first rejection, for callers that accept no bad record.</summary>
    public StationSetReadResult ThrowIfAnyRejected()
    {
        if (Rejections.Count == 0) return this;
        var r = Rejections[0];
        throw new QuakeGridInputException(r.Source, r.Record, r.Field,
            r.Reason + (Rejections.Count > 1 ? $" (and {Rejections.Count - 1} more rejected records)" : ""));
    }
}
