namespace QuakeGrid.Core.IO.Stations;

/// <summary>How a station's amplitudes were obtained.</summary>
public enum StationKind
{
    /// <summary>Instrumental record (seismic station).</summary>
    Seismic,
    /// <summary>Intensity-derived ("macroseismic", e.g. Did You Feel It?) amplitudes, usually with a non-zero ln sigma.</summary>
    Macroseismic,
}
