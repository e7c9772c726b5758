using QuakeGrid.Contracts.Stations;

namespace QuakeGrid.Grains.Stations;

/// <summary>Persisted state of a station grain: the station's data (null before it is stored).</summary>
[GenerateSerializer, Alias("QuakeGrid.StationState")]
public sealed class StationState
{
    [Id(0)] public StationData? Data { get; set; }
}
