namespace QuakeGrid.Contracts.Events;

/// <summary>Caps on event requests, so one call never carries or computes an unbounded amount.</summary>
public static class EventLimits
{
    /// <summary>Most stations one event holds (the between-event posterior is a dense solve over all of them).</summary>
    public const int MaxStations = 5000;

    /// <summary>Most nearest stations that krige one query point.</summary>
    public const int MaxNeighbours = 500;

    /// <summary>Most IMTs per event.</summary>
    public const int MaxImts = 20;

    /// <summary>Longest event or station id (characters).</summary>
    public const int MaxIdLength = 64;
}
