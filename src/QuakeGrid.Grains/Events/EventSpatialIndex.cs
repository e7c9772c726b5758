using QuakeGrid.Core.Conditioning;

namespace QuakeGrid.Grains.Events;

/// <summary>
/// The event's stations per observed IMT in a Core <see cref="StationNeighbourIndex"/> (kd-tree on the unit sphere), in
/// ingestion order, as Core's scalable conditioner indexes the stations that carry observation rows. Immutable.
/// </summary>
public sealed class EventSpatialIndex
{
    private readonly Dictionary<string, (StationNeighbourIndex Index, string[] Ids)> _byImt = new(StringComparer.Ordinal);

    public EventSpatialIndex(IReadOnlyList<IndexedStation> stations)
    {
        foreach (var imt in stations.SelectMany(s => s.Imts).Distinct())
        {
            var with = stations.Where(s => s.Imts.Contains(imt)).ToArray();
            _byImt[imt] = (new StationNeighbourIndex(with.Select(s => s.Lon).ToArray(), with.Select(s => s.Lat).ToArray()), with.Select(s => s.Id).ToArray());
        }
    }

    /// <summary>Ids of the min(k, count) stations nearest the point that observed <paramref name="imt"/>, nearest first; empty when none did.</summary>
    public string[] Nearest(string imt, double lon, double lat, int k)
    {
        if (!_byImt.TryGetValue(imt, out var e)) return [];
        k = Math.Min(k, e.Ids.Length);
        var idx = new int[k];
        var d2 = new double[k];
        var found = e.Index.Nearest(lon, lat, k, idx, d2);
        var ids = new string[found];
        for (var i = 0; i < found; i++) ids[i] = e.Ids[idx[i]];
        return ids;
    }
}
