using QuakeGrid.Core.IO.Residuals;

namespace QuakeGrid.Core.Inference.Data;

/// <summary>
/// All events of a residual table, grouped by event id (ascending), ready for the pooled likelihood.
/// </summary>
public sealed class PooledResidualData
{
    private PooledResidualData(EventResiduals[] events) { Events = events; }

    /// <summary>Events in ascending event-id order.</summary>
    public IReadOnlyList<EventResiduals> Events { get; }

    /// <summary>Total number of records.</summary>
    public int RecordCount => Events.Sum(e => e.Count);

    /// <summary>Largest event size.</summary>
    public int MaxEventSize => Events.Count == 0 ? 0 : Events.Max(e => e.Count);

    /// <summary>Groups <paramref name="table"/> by event; records keep their file order within an event.</summary>
    public static PooledResidualData FromTable(ResidualTable table)
    {
        var groups = new SortedDictionary<long, List<int>>();
        for (var i = 0; i < table.Count; i++)
        {
            if (!groups.TryGetValue(table.EqId[i], out var l)) groups[table.EqId[i]] = l = new List<int>();
            l.Add(i);
        }
        var events = new EventResiduals[groups.Count];
        var k = 0;
        foreach (var (eq, rows) in groups)
        {
            double[] Pick(double[] a) => rows.Select(r => a[r]).ToArray();
            events[k++] = new EventResiduals(eq, Pick(table.ScaledDeltaW), Pick(table.EpiDistKm),
                Pick(table.EpiAzimuthRad), Pick(table.Vs30));
        }
        return new PooledResidualData(events);
    }

    /// <summary>Builds the data set directly from per-event arrays (synthetic studies).</summary>
    public static PooledResidualData FromEvents(IEnumerable<(long EqId, double[] Z, double[] EpiDistKm, double[] EpiAzimuthRad, double[] Vs30)> events)
        => new(events.Select(e => new EventResiduals(e.EqId, e.Z, e.EpiDistKm, e.EpiAzimuthRad, e.Vs30)).ToArray());

    /// <summary>The sub-set of events whose ids satisfy <paramref name="keep"/>.</summary>
    public PooledResidualData Where(Func<long, bool> keep) => new(Events.Where(e => keep(e.EqId)).ToArray());
}
