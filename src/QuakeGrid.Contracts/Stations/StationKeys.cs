namespace QuakeGrid.Contracts.Stations;

/// <summary>Primary keys of station grains: one grain per (event, station).</summary>
public static class StationKeys
{
    /// <summary>The key <c>{eventId}/{stationId}</c> (event ids contain no slash; station ids may).</summary>
    public static string For(string eventId, string stationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(stationId);
        if (eventId.Contains('/')) throw new ArgumentException($"event id '{eventId}' contains '/'", nameof(eventId));
        return $"{eventId}/{stationId}";
    }
}
