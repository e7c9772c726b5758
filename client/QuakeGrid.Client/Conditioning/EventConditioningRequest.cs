using QuakeGrid.Contracts.Events;

namespace QuakeGrid.Client.Conditioning;

/// <summary>
/// One responder run on the cluster: the event (<see cref="Definition"/>), its station records (read from
/// <see cref="StationSource"/>, named in errors), the IMT to query, and the target points (decimal degrees, Vs30 in m/s)
/// kriged on their <see cref="Neighbours"/> nearest stations that observed <see cref="Imt"/>.
/// </summary>
public sealed record EventConditioningRequest(
    EventDefinition Definition,
    string StationSource,
    StationRecord[] Stations,
    string Imt,
    double[] Lon,
    double[] Lat,
    double[] Vs30,
    int Neighbours);
