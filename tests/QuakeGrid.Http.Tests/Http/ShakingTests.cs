using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuakeGrid.Contracts.Mapping;
using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Stations;
using QuakeGrid.Core.Sites;
using QuakeGrid.Http.Tests.Support;

namespace QuakeGrid.Http.Tests.Http;

/// <summary>
/// Define the 2023 Türkiye event over HTTP, ingest its real ShakeMap stationlist.json, query conditioned shaking, and compare
/// with Core's conditioners computed here from the same file: <see cref="ExactConditioner"/> when k covers every station,
/// <see cref="ScalableConditioner"/> (each target on its own k nearest) otherwise.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class ShakingTests(SiloServer silo)
{
    private static readonly (double Lon, double Lat)[] Points = [(37.0209, 37.2251), (36.5, 36.6), (38.3, 38.3), (36.16, 36.2), (37.55, 37.08)];

    [Fact]
    public async Task Shaking_matches_Core_exact_conditioner_when_every_station_is_a_neighbour()
    {
        const string id = "tr2023-exact";
        var summary = await DefineAndIngest(id, neighbours: 500);
        var (stations, targets, model) = CoreInputs(Points, Imt.Pga);
        var exact = ExactConditioner.Condition(stations, targets, model);
        var sys = StationSystem.Build(stations, model, Imt.Pga);

        var pga = summary.GetProperty("event").GetProperty("posteriors").EnumerateArray().Single(p => p.GetProperty("imt").GetString() == "PGA");
        Assert.Equal(sys.MuH[0], pga.GetProperty("muH").GetDouble(), 12);
        Assert.Equal(sys.CovH[0, 0], pga.GetProperty("varH").GetDouble(), 12);
        Assert.Equal(sys.RowCount, pga.GetProperty("stations").GetInt32());

        for (var j = 0; j < Points.Length; j++)
        {
            var r = await Shaking(id, Points[j], "PGA", neighbours: null);
            Assert.Equal(sys.RowCount, r.GetProperty("stationsUsed").GetInt32());
            AssertMoments(r, exact, j);
        }

        // Another Vs30 at the same points (k = 262 stations is above SiteGrain.MaxCachedFactorSize: the system is rebuilt).
        var (_, soft, _) = CoreInputs(Points, Imt.Pga, vs30: 250.0);
        var exactSoft = ExactConditioner.Condition(stations, soft, model);
        for (var j = 0; j < Points.Length; j++)
        {
            var r = await Shaking(id, Points[j], "PGA", neighbours: null, vs30: 250.0);
            Assert.Equal(250.0, r.GetProperty("vs30").GetDouble());
            AssertMoments(r, exactSoft, j);
            Assert.NotEqual(exact.MeanLn[j], exactSoft.MeanLn[j], 3);
        }
    }

    [Fact]
    public async Task Shaking_matches_Core_scalable_conditioner_on_the_k_nearest_stations()
    {
        const string id = "tr2023-k30";
        await DefineAndIngest(id, neighbours: 50);
        var (stations, targets, model) = CoreInputs(Points, Imt.Sa(1.0));
        var scalable = ScalableConditioner.Condition(stations, targets, model, new ScalableConditioningOptions { NeighbourCount = 30, CellSizeKm = 0 });
        var exact = ExactConditioner.Condition(stations, targets, model);
        var maxDiffFromExact = 0.0;
        for (var j = 0; j < Points.Length; j++)
        {
            var r = await Shaking(id, Points[j], "SA(1.0)", neighbours: 30);
            Assert.Equal(30, r.GetProperty("stationsUsed").GetInt32());
            AssertMoments(r, scalable, j);
            maxDiffFromExact = Math.Max(maxDiffFromExact, Math.Abs(r.GetProperty("ln").GetProperty("mean").GetDouble() - exact.MeanLn[j]));
        }
        // k = 30 of ~260 stations is an approximation of the exact answer, but a close one (screening).
        Assert.InRange(maxDiffFromExact, 0.0, 0.1);

        // Another Vs30 at the same points reuses each site grain's factorised C_NN and asks only for the target column.
        var (_, soft, _) = CoreInputs(Points, Imt.Sa(1.0), vs30: 250.0);
        var scalableSoft = ScalableConditioner.Condition(stations, soft, model, new ScalableConditioningOptions { NeighbourCount = 30, CellSizeKm = 0 });
        for (var j = 0; j < Points.Length; j++)
        {
            var r = await Shaking(id, Points[j], "SA(1.0)", neighbours: 30, vs30: 250.0);
            AssertMoments(r, scalableSoft, j);
            Assert.NotEqual(scalable.MeanLn[j], scalableSoft.MeanLn[j], 3);
        }
    }

    [Fact]
    public async Task Repeated_query_is_served_from_the_site_cache_and_new_stations_invalidate_it()
    {
        const string id = "tr2023-cache";
        var put = await silo.Http.PutAsJsonAsync($"/v1/events/{id}", Turkey2023.EventBody(50));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var first = new { stations = new[] { Station("A", 37.0, 37.0, 0.30), Station("B", 37.2, 37.1, 0.25) } };
        Assert.Equal(HttpStatusCode.OK, (await silo.Http.PostAsJsonAsync($"/v1/events/{id}/stations", first)).StatusCode);
        var a = await Shaking(id, (37.1, 37.05), "PGA", null);
        var b = await Shaking(id, (37.1, 37.05), "PGA", null);
        Assert.Equal(a.GetRawText(), b.GetRawText());
        Assert.Equal(2, a.GetProperty("stationsUsed").GetInt32());
        var second = new { stations = new[] { Station("C", 37.1, 37.06, 0.05) } };
        Assert.Equal(HttpStatusCode.OK, (await silo.Http.PostAsJsonAsync($"/v1/events/{id}/stations", second)).StatusCode);
        var c = await Shaking(id, (37.1, 37.05), "PGA", null);
        Assert.Equal(3, c.GetProperty("stationsUsed").GetInt32());
        Assert.True(c.GetProperty("revision").GetInt32() > a.GetProperty("revision").GetInt32());
        // A station with a low PGA 1 km away pulls the conditioned mean down.
        Assert.True(c.GetProperty("ln").GetProperty("mean").GetDouble() < a.GetProperty("ln").GetProperty("mean").GetDouble());
    }

    [Fact]
    public async Task Co_located_exact_stations_use_the_pseudo_inverse_as_Core()
    {
        // Two instruments at one place with no observation error make C_NN singular: Core falls back to the
        // Moore–Penrose inverse, and so must the site grain's solve.
        const string id = "tr2023-colocated";
        var put = await silo.Http.PutAsJsonAsync($"/v1/events/{id}", Turkey2023.EventBody(50));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        (string Id, double Lon, double Lat, double Pga)[] st = [("P1", 37.00, 37.00, 0.30), ("P2", 37.00, 37.00, 0.20), ("P3", 37.30, 37.20, 0.25), ("P4", 36.80, 37.10, 0.40)];
        var post = await silo.Http.PostAsJsonAsync($"/v1/events/{id}/stations", new { stations = st.Select(s => Station(s.Id, s.Lon, s.Lat, s.Pga)).ToArray() });
        Assert.True(post.IsSuccessStatusCode, await post.Content.ReadAsStringAsync());

        var rupture = RuptureSpecMapper.ToCore(Turkey2023.Rupture(), "test");
        var gmm = GmmFactory.Create("BSSA14");
        var projection = new LocalProjection(rupture.Hypocenter.Lon, rupture.Hypocenter.Lat);
        var sites = new SiteCollection(st.Select(s => s.Lon).ToArray(), st.Select(s => s.Lat).ToArray(), Enumerable.Repeat(400.0, st.Length).ToArray());
        var g = ScenarioGroundMotion.Evaluate(gmm, rupture, sites, [Imt.Pga]);
        var stations = new ConditioningStations(QuakeGrid.Core.Correlation.CorrelationSiteBuilder.FromSites(sites, projection, rupture.Hypocenter), [Imt.Pga],
            [st.Select(s => Math.Log(s.Pga)).ToArray()], [new double[st.Length]], g.LnMedian, g.Tau, g.Phi);
        var model = ConditioningModel.FromSpec("JB2009");
        var sys = StationSystem.Build(stations, model, Imt.Pga);
        Assert.True(sys.UsedPseudoInverse);
        var points = new[] { (37.05, 37.02), (36.9, 37.05) };
        var targets = ConditioningInputs.Targets(new SiteCollection(points.Select(p => p.Item1).ToArray(), points.Select(p => p.Item2).ToArray(), [760.0, 760.0]),
            Imt.Pga, gmm, rupture, projection);
        var exact = ExactConditioner.Condition(sys, targets, model);
        for (var j = 0; j < points.Length; j++)
        {
            var r = await Shaking(id, points[j], "PGA", null);
            Assert.Equal(st.Length, r.GetProperty("stationsUsed").GetInt32());
            AssertMoments(r, exact, j);
        }
    }

    internal static object Station(string id, double lon, double lat, double pga) =>
        new { id, lon, lat, vs30 = 400.0, amplitudes = new[] { new { imt = "PGA", value = pga, lnSigma = 0.0 } } };

    private async Task<JsonElement> DefineAndIngest(string id, int neighbours)
    {
        var put = await silo.Http.PutAsJsonAsync($"/v1/events/{id}", Turkey2023.EventBody(neighbours));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(Turkey2023.StationListPath));
        content.Headers.ContentType = new("application/json");
        var post = await silo.Http.PostAsync($"/v1/events/{id}/stations", content);
        var text = await post.Content.ReadAsStringAsync();
        Assert.True(post.IsSuccessStatusCode, text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("shakemap-stationlist", body.GetProperty("format").GetString());
        // Core's reader accepts the seismic stations; DYFI (intensity-only) features are reported as skipped.
        var read = ShakeMapJsonStationReader.Read(Turkey2023.StationListPath);
        Assert.Equal(read.Stations.Count, body.GetProperty("added").GetInt32());
        Assert.True(body.GetProperty("skipped").GetArrayLength() >= read.Rejections.Count);
        return body;
    }

    private async Task<JsonElement> Shaking(string id, (double Lon, double Lat) p, string imt, int? neighbours, double? vs30 = null)
    {
        var url = FormattableString.Invariant($"/v1/events/{id}/sites/shaking?lon={p.Lon}&lat={p.Lat}&imt={Uri.EscapeDataString(imt)}")
                  + (neighbours is { } k ? $"&neighbours={k}" : "") + (vs30 is { } v ? FormattableString.Invariant($"&vs30={v}") : "");
        var response = await silo.Http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static void AssertMoments(JsonElement r, ConditionedField expected, int j)
    {
        var ln = r.GetProperty("ln");
        Assert.InRange(Math.Abs(ln.GetProperty("mean").GetDouble() - expected.MeanLn[j]), 0, 1e-9);
        Assert.InRange(Math.Abs(ln.GetProperty("std").GetDouble() - expected.StdLn[j]), 0, 1e-9);
        Assert.InRange(Math.Abs(ln.GetProperty("stdWithin").GetDouble() - expected.StdWithin[j]), 0, 1e-9);
        Assert.InRange(Math.Abs(ln.GetProperty("stdBetween").GetDouble() - expected.StdBetween[j]), 0, 1e-9);
        Assert.Equal(Math.Exp(expected.MeanLn[j]), r.GetProperty("linear").GetProperty("median").GetDouble(), 9);
    }

    /// <summary>Core inputs from the same file: stations, targets at the site-key rounded points with the given Vs30, JB2009.</summary>
    private static (ConditioningStations, ConditioningTargets, ConditioningModel) CoreInputs((double Lon, double Lat)[] points, Imt imt, double vs30 = 760.0)
    {
        var set = ShakeMapJsonStationReader.Read(Turkey2023.StationListPath).Stations;
        var rupture = RuptureSpecMapper.ToCore(Turkey2023.Rupture(), "test");
        var gmm = GmmFactory.Create("BSSA14");
        var projection = new LocalProjection(rupture.Hypocenter.Lon, rupture.Hypocenter.Lat);
        var stations = ConditioningInputs.Stations(set, gmm, rupture, projection, out _);
        var lon = points.Select(p => Math.Round(p.Lon, 4, MidpointRounding.AwayFromZero)).ToArray();
        var lat = points.Select(p => Math.Round(p.Lat, 4, MidpointRounding.AwayFromZero)).ToArray();
        var targets = ConditioningInputs.Targets(new SiteCollection(lon, lat, Enumerable.Repeat(vs30, points.Length).ToArray()), imt, gmm, rupture, projection);
        return (stations, targets, ConditioningModel.FromSpec("JB2009"));
    }
}
