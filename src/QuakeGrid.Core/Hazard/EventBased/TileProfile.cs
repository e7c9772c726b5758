using System.Diagnostics;

namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// Where a tile's <see cref="EventBasedTile.Simulate"/> calls spent their time (summed over calls and threads, so the
/// parts add up to CPU time, not wall time): site selection and distances, GMM evaluation, within-event fields
/// (closure + Vecchia sweep, or independent draws), exceedance counting; and the field rows computed (rows × IMTs ×
/// events), against the site-events counted. Stopwatch ticks around whole ruptures and sweeps, not per site.
/// <see cref="Calls"/> is the Stopwatch time of whole calls (so <see cref="Calls"/> − the four parts is the rest of a call:
/// sorting the batch, event seeds, draining the histograms into counts, the count arrays) and <see cref="ThreadCpu"/> the
/// calling threads' CPU time in those calls (less than <see cref="Calls"/> when threads were preempted; zero where the
/// thread clock is unavailable, see <see cref="ThreadCpuAvailable"/>); <see cref="CountingCpu"/> is the threads' CPU time
/// in the counting alone, a figure that, unlike the Stopwatch parts, does not grow when the machine is loaded.
/// </summary>
public sealed class TileProfile
{
    private long _distances, _gmm, _fields, _counting, _fieldValues, _siteEvents, _calls, _threadCpuNs, _countingCpuNs;

    public TimeSpan Distances => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _distances));
    public TimeSpan Gmm => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _gmm));
    public TimeSpan Fields => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _fields));
    public TimeSpan Counting => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _counting));
    /// <summary>Whole <see cref="EventBasedTile.Simulate"/> calls, Stopwatch time summed over calls.</summary>
    public TimeSpan Calls => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _calls));
    /// <summary>CPU time of the threads running the calls, during the calls.</summary>
    public TimeSpan ThreadCpu => TimeSpan.FromTicks(Interlocked.Read(ref _threadCpuNs) / 100);
    /// <summary>CPU time of the threads in the counting (the part of <see cref="Counting"/> the threads ran).</summary>
    public TimeSpan CountingCpu => TimeSpan.FromTicks(Interlocked.Read(ref _countingCpuNs) / 100);
    /// <summary>Whether <see cref="ThreadCpu"/> and <see cref="CountingCpu"/> are measured (Linux).</summary>
    public static bool ThreadCpuAvailable => ThreadCpuTime.Available;
    /// <summary>Field values drawn: Σ over sweeps of rows × events × IMTs.</summary>
    public long FieldValues => Interlocked.Read(ref _fieldValues);
    /// <summary>(event, site within maximum distance) pairs.</summary>
    public long SiteEvents => Interlocked.Read(ref _siteEvents);

    internal void Add(long distances, long gmm, long fields, long counting, long fieldValues, long siteEvents, long calls, long threadCpuNs, long countingCpuNs)
    {
        Interlocked.Add(ref _distances, distances);
        Interlocked.Add(ref _gmm, gmm);
        Interlocked.Add(ref _fields, fields);
        Interlocked.Add(ref _counting, counting);
        Interlocked.Add(ref _fieldValues, fieldValues);
        Interlocked.Add(ref _siteEvents, siteEvents);
        Interlocked.Add(ref _calls, calls);
        Interlocked.Add(ref _threadCpuNs, threadCpuNs);
        Interlocked.Add(ref _countingCpuNs, countingCpuNs);
    }
}
