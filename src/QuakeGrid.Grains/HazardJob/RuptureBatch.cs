namespace QuakeGrid.Grains.HazardJob;

/// <summary>Batch <see cref="Id"/>: occurring ruptures [<see cref="First"/>, First + <see cref="Count"/>) with <see cref="Events"/> events in all.</summary>
public readonly record struct RuptureBatch(int Id, int First, int Count, long Events);
