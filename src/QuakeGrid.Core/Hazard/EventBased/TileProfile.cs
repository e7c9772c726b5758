using System.Diagnostics;

namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// Where a tile's <see cref="EventBasedTile.Simulate"/> calls spent their time (summed over calls and threads, so the
/// parts add up to CPU time, not wall time): site selection and distances, GMM evaluation, within-event fields
/// (closure + Vecchia sweep, or independent draws), exceedance counting; and the field rows computed (rows × IMTs ×
/// events), against the site-events counted. Stopwatch ticks around whole ruptures and sweeps, not per site.
/// </summary>
public sealed class TileProfile
{
    private long _distances, _gmm, _fields, _counting, _fieldValues, _siteEvents;

    public TimeSpan Distances => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _distances));
    public TimeSpan Gmm => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _gmm));
    public TimeSpan Fields => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _fields));
    public TimeSpan Counting => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _counting));
    /// <summary>Field values drawn: Σ over sweeps of rows × events × IMTs.</summary>
    public long FieldValues => Interlocked.Read(ref _fieldValues);
    /// <summary>(event, site within maximum distance) pairs.</summary>
    public long SiteEvents => Interlocked.Read(ref _siteEvents);

    internal void Add(long distances, long gmm, long fields, long counting, long fieldValues, long siteEvents)
    {
        Interlocked.Add(ref _distances, distances);
        Interlocked.Add(ref _gmm, gmm);
        Interlocked.Add(ref _fields, fields);
        Interlocked.Add(ref _counting, counting);
        Interlocked.Add(ref _fieldValues, fieldValues);
        Interlocked.Add(ref _siteEvents, siteEvents);
    }
}
