namespace QuakeGrid.Grains.HazardJob;

/// <summary>
/// Batch <see cref="Id"/>: ruptures [<see cref="First"/>, First + <see cref="Count"/>) with <see cref="Events"/> events in
/// all (event-based: occurring ruptures and their occurrences; classical: ruptures, so Events = Count).
/// </summary>
public readonly record struct RuptureBatch(int Id, int First, int Count, long Events);
