using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Stations;

/// <summary>
/// Collects station records while a file is read and builds the <see cref="StationSet"/>: checks coordinates, rejects
/// zero, negative, missing or non-finite values and ln sigmas (recording each rejection), and throws on a duplicate
/// station id naming both records.
/// </summary>
internal sealed class StationSetBuilder(string source)
{
    private readonly List<Station> _stations = new();
    private readonly Dictionary<string, Station> _byId = new(StringComparer.Ordinal);
    private readonly List<StationRejection> _rejections = new();

    public string Source { get; } = source;
    public IReadOnlyList<StationRejection> Rejections => _rejections;

    public void Reject(string record, string? field, string reason) => _rejections.Add(new StationRejection(Source, record, field, reason));

    /// <summary>Starts a station; returns null (with a rejection) when its coordinates are bad.</summary>
    public Station? Add(string id, string name, string record, double lon, double lat, StationKind kind, string network)
    {
        var rec = $"station {id} ({record})";
        if (string.IsNullOrWhiteSpace(id))
            throw new QuakeGridInputException(Source, record, "id", "missing station id");
        if (_byId.TryGetValue(id, out var first))
            throw new QuakeGridInputException(Source, $"station {id}", "id",
                $"duplicate station id '{id}': {first.Record} and {record}");
        if (!double.IsFinite(lon) || lon < -180 || lon > 360) { Reject(rec, "longitude", $"longitude {lon} is not in [-180, 360]"); return null; }
        if (!double.IsFinite(lat) || lat < -90 || lat > 90) { Reject(rec, "latitude", $"latitude {lat} is not in [-90, 90]"); return null; }
        var st = new Station(id, name, record, lon, lat, kind, network);
        _byId[id] = st;
        _stations.Add(st);
        return st;
    }

    /// <summary>Records a value (linear units) for <paramref name="imt"/>; rejects it when not a finite positive number.</summary>
    public void SetValue(Station st, Imt imt, double value, double lnSigma, string field)
    {
        var rec = $"station {st.Id} ({st.Record})";
        if (double.IsNaN(value)) { Reject(rec, field, "missing value"); return; }
        if (!double.IsFinite(value) || value <= 0) { Reject(rec, field, $"value {value} must be a finite number > 0"); return; }
        if (!double.IsFinite(lnSigma) || lnSigma < 0) { Reject(rec, field, $"ln sigma {lnSigma} must be a finite number >= 0"); return; }
        st.Values[imt] = (value, lnSigma);
    }

    public void SetSite(Station st, double vs30, double z1pt0)
    {
        st.Vs30 = vs30;
        st.Z1pt0 = z1pt0;
    }

    public StationSetReadResult Build(IReadOnlyList<string>? ignoredColumns = null)
    {
        var imts = _stations.SelectMany(s => s.Values.Keys).Distinct()
            .OrderBy(i => i.Kind == ImtKind.Pgv ? 1 : 0).ThenBy(i => i.Period).ToList();
        var n = _stations.Count;
        var value = imts.Select(_ => Enumerable.Repeat(double.NaN, n).ToArray()).ToArray();
        var sigma = imts.Select(_ => Enumerable.Repeat(double.NaN, n).ToArray()).ToArray();
        for (var i = 0; i < n; i++)
            foreach (var (imt, (v, s)) in _stations[i].Values)
            {
                var k = imts.IndexOf(imt);
                value[k][i] = v;
                sigma[k][i] = s;
            }
        var set = new StationSet(Source,
            _stations.Select(s => s.Id).ToArray(), _stations.Select(s => s.Name).ToArray(), _stations.Select(s => s.Record).ToArray(),
            _stations.Select(s => s.Lon).ToArray(), _stations.Select(s => s.Lat).ToArray(),
            _stations.Select(s => s.Vs30).ToArray(), _stations.Select(s => s.Z1pt0).ToArray(),
            _stations.Select(s => s.Kind).ToArray(), _stations.Select(s => s.Network).ToArray(), imts, value, sigma);
        return new StationSetReadResult(set, _rejections.ToList(), ignoredColumns ?? Array.Empty<string>());
    }

    internal sealed class Station(string id, string name, string record, double lon, double lat, StationKind kind, string network)
    {
        public string Id { get; } = id;
        public string Name { get; } = name;
        public string Record { get; } = record;
        public double Lon { get; } = lon;
        public double Lat { get; } = lat;
        public StationKind Kind { get; } = kind;
        public string Network { get; } = network;
        public double Vs30 { get; set; } = double.NaN;
        public double Z1pt0 { get; set; } = double.NaN;
        public Dictionary<Imt, (double Value, double LnSigma)> Values { get; } = new();
    }
}
