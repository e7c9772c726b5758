using System.Globalization;
using System.Text;
using QuakeGrid.Cli.Tests.Support;
using QuakeGrid.Client;
using QuakeGrid.Client.Conditioning;
using QuakeGrid.Contracts.Events;
using QuakeGrid.Contracts.Mapping;
using QuakeGrid.Contracts.Sites;
using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Ruptures;
using QuakeGrid.Core.IO.Stations;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Tests.Condition;

/// <summary>
/// <c>quakegrid --embedded condition</c>: the responder workflow through the event, station and site grains on an
/// in-process silo, on the real 2023 Türkiye ShakeMap stationlist. The reference is Core called here directly with the
/// method the site grains implement: <see cref="ScalableConditioner"/> with each target on its own k nearest stations
/// (<c>CellSizeKm = 0</c>), or <see cref="ExactConditioner"/> for <c>--method exact</c>, in the event projection
/// (centred on the hypocentre). Targets have at most 4 decimals, so the site-grain key keeps them exactly.
/// </summary>
public sealed class ConditionClusterTests
{
    private static string Inv(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static (string Rupture, string Stations) TurkeyInputs(TempDirectory dir)
    {
        var d = TestData.Path("stations");
        File.WriteAllText(dir.File("rupture.xml"), ConditionStationFormatTests.KahramanmarasSimpleFault(Path.Combine(d, "kahramanmaras2023_rupture_USGS.xml")));
        return (dir.File("rupture.xml"), Path.Combine(d, "turkey2023_stationlist.json"));
    }

    /// <summary>A 0.25° grid over the epicentral region with varying Vs30, plus a target at station KO.KHMN.</summary>
    private static SiteCollection Targets(int maxCount)
    {
        var (lon, lat, vs) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i <= 12 && lon.Count < maxCount; i++)
            for (var j = 0; j <= 8 && lon.Count < maxCount; j++)
            {
                lon.Add(35.5 + 0.25 * i);
                lat.Add(36.25 + 0.25 * j);
                vs.Add(250.0 + 37.0 * ((i + 3 * j) % 13));
            }
        lon[0] = 37.1574; lat[0] = 37.3916; vs[0] = 267.62;
        return new SiteCollection(lon.ToArray(), lat.ToArray(), vs.ToArray());
    }

    private static void WriteTargets(string path, SiteCollection t)
    {
        var sb = new StringBuilder("lon,lat,vs30\n");
        for (var i = 0; i < t.Count; i++) sb.Append(CultureInfo.InvariantCulture, $"{Inv(t.Lon[i])},{Inv(t.Lat[i])},{Inv(t.Vs30[i])}\n");
        File.WriteAllText(path, sb.ToString());
    }

    /// <summary>Core's inputs from the same files, in the event projection.</summary>
    private static (StationSystem Sys, ConditioningTargets Targets, ConditioningModel Model) CoreInputs(string rupturePath, string stationsPath, SiteCollection targets)
    {
        var rupture = NrmlRuptureReader.Read(rupturePath);
        var gmm = GmmFactory.Create("BSSA14");
        var projection = new LocalProjection(rupture.Hypocenter.Lon, rupture.Hypocenter.Lat);
        var stations = ConditioningInputs.Stations(StationFileReader.Read(stationsPath).Stations, gmm, rupture, projection, out _);
        var model = ConditioningModel.FromSpec("JB2009");
        return (StationSystem.Build(stations, model, Imt.Pga), ConditioningInputs.Targets(targets, Imt.Pga, gmm, rupture, projection), model);
    }

    private static void AssertEqualField(CsvTable csv, SiteCollection targets, ConditionedField expected)
    {
        Assert.Equal(["lon", "lat", "mean_ln", "std_ln"], csv.Header);
        Assert.Equal(targets.Count, csv.Rows.Count);
        var worst = 0.0;
        for (var i = 0; i < targets.Count; i++)
        {
            Assert.Equal(targets.Lon[i], csv.Value(i, "lon"));
            Assert.Equal(targets.Lat[i], csv.Value(i, "lat"));
            worst = Math.Max(worst, Math.Abs(csv.Value(i, "mean_ln") - expected.MeanLn[i]));
            worst = Math.Max(worst, Math.Abs(csv.Value(i, "std_ln") - expected.StdLn[i]));
        }
        Assert.InRange(worst, 0.0, 1e-9);
    }

    [Fact]
    public async Task Embedded_vecchia_equals_Core_scalable_conditioner_on_each_targets_own_nearest_stations()
    {
        using var dir = new TempDirectory();
        var (rupture, stations) = TurkeyInputs(dir);
        var targets = Targets(117);
        WriteTargets(dir.File("t.csv"), targets);
        var run = await CliRun.RunAsync("condition", "--embedded", "--rupture", rupture, "--stations", stations, "--sites", dir.File("t.csv"),
            "--gmm", "BSSA14", "--imt", "PGA", "--correlation", "JB2009", "--method", "vecchia", "--neighbors", "20",
            "--concurrency", "2", "--output", dir.File("out"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("stations: 262 accepted", run.Out);
        Assert.True(run.Out.Contains("their 20 nearest stations", StringComparison.Ordinal), run.ToString());

        var (sys, tg, model) = CoreInputs(rupture, stations, targets);
        var expected = ScalableConditioner.Condition(sys, tg, model, new ScalableConditioningOptions { NeighbourCount = 20, CellSizeKm = 0 }, out _, false);
        AssertEqualField(CsvTable.Read(dir.File("out/conditioned.csv")), targets, expected);
        Assert.Contains(sys.NominalBias.ToString("0.####", CultureInfo.InvariantCulture), run.Out);
        // The target at KO.KHMN (PGA 62.9572 %g, ln sigma 0) reproduces the record.
        Assert.Equal(Math.Log(0.629572), CsvTable.Read(dir.File("out/conditioned.csv")).Value(0, "mean_ln"), 3);
        var (w, h) = Png.Size(dir.File("out/conditioned.png"));
        Assert.True(w > 300 && h > 200);
        Assert.False(File.Exists(dir.File("out/samples.csv")));
    }

    [Fact]
    public async Task Embedded_exact_equals_Core_exact_conditioner()
    {
        using var dir = new TempDirectory();
        var (rupture, stations) = TurkeyInputs(dir);
        var targets = Targets(8);
        WriteTargets(dir.File("t.csv"), targets);
        var run = await CliRun.RunAsync("condition", "--embedded", "--rupture", rupture, "--stations", stations, "--sites", dir.File("t.csv"),
            "--gmm", "BSSA14", "--imt", "PGA", "--correlation", "JB2009", "--output", dir.File("out"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Out.Contains("kriged on every station", StringComparison.Ordinal), run.ToString());
        var (sys, tg, model) = CoreInputs(rupture, stations, targets);
        AssertEqualField(CsvTable.Read(dir.File("out/conditioned.csv")), targets, ExactConditioner.Condition(sys, tg, model));
    }

    [Fact]
    public async Task Bad_input_and_unsupported_options_exit_2_before_any_grain_and_write_nothing()
    {
        using var dir = new TempDirectory();
        var (rupture, _) = TurkeyInputs(dir);
        WriteTargets(dir.File("t.csv"), Targets(5));
        File.WriteAllText(dir.File("dup.csv"), "STATION_ID,STATION_NAME,LONGITUDE,LATITUDE,STATION_TYPE,PGA_VALUE,PGA_LN_SIGMA,VS30\n" +
            "A,a,37.0,37.0,seismic,0.3,0,400\nB,b,37.2,37.1,seismic,0.2,0,400\nA,again,37.4,37.3,seismic,0.1,0,400\n");
        File.WriteAllText(dir.File("ok.csv"), "STATION_ID,STATION_NAME,LONGITUDE,LATITUDE,STATION_TYPE,PGA_VALUE,PGA_LN_SIGMA,VS30\n" +
            "A,a,37.0,37.0,seismic,0.3,0,400\nB,b,37.2,37.1,seismic,0.2,0,400\n");
        File.WriteAllText(dir.File("z1.csv"), "lon,lat,vs30,z1pt0\n37.1,37.1,400,120\n");
        string[] Args(string stations, string sites, params string[] more) =>
            ["--cluster", "127.0.0.1:1", "condition", "--rupture", rupture, "--stations", dir.File(stations), "--sites", dir.File(sites),
             "--gmm", "BSSA14", "--imt", "PGA", "--correlation", "JB2009", "--output", dir.File("out"), .. more];

        var dup = await CliRun.RunAsync(Args("dup.csv", "t.csv"));
        Assert.Equal(ExitCodes.BadInput, dup.ExitCode);
        Assert.Contains("dup.csv", dup.Err);
        Assert.Contains("duplicate station id 'A'", dup.Err);

        var samples = await CliRun.RunAsync(Args("ok.csv", "t.csv", "--events", "3"));
        Assert.Equal(ExitCodes.BadInput, samples.ExitCode);
        Assert.Contains("--events", samples.Err);

        var z1 = await CliRun.RunAsync(Args("ok.csv", "z1.csv", "--method", "vecchia"));
        Assert.Equal(ExitCodes.BadInput, z1.ExitCode);
        Assert.Contains("z1pt0", z1.Err);

        var both = await CliRun.RunAsync(Args("ok.csv", "t.csv", "--embedded"));
        Assert.Equal(ExitCodes.BadInput, both.ExitCode);
        Assert.Contains("--embedded", both.Err);

        var inProcess = await CliRun.RunAsync(Args("ok.csv", "t.csv", "--concurrency", "4")[2..]);
        Assert.Equal(ExitCodes.BadInput, inProcess.ExitCode);
        Assert.Contains("--concurrency", inProcess.Err);

        // None of them reached the (unreachable) cluster or wrote an output.
        foreach (var r in new[] { dup, samples, z1, both, inProcess }) Assert.DoesNotContain("connected", r.Out);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public async Task A_rejected_station_batch_leaves_the_event_undefined()
    {
        await using var connection = await QuakeGridConnection.StartEmbeddedAsync();
        var rupture = RuptureSpecMapper.FromCore(new Rupture(7.0, 0.0, new GeoPoint(37.0, 37.0, 10.0),
            new PlanarSurface(new GeoPoint(36.9, 36.9, 1.0), new GeoPoint(37.1, 37.1, 1.0), new GeoPoint(37.1, 37.1, 15.0), new GeoPoint(36.9, 36.9, 15.0))));
        var definition = new EventDefinition(rupture, GmmSpecMapper.FromCore("BSSA14", new GmmOptions()), ["PGA"], "JB2009", 760.0, 10);
        StationRecord Station(string id, double pga) => new(id, 37.05, 37.0 + pga, 400.0, double.NaN, [new StationAmplitude("PGA", pga, 0.0)], "row " + id);
        var request = new EventConditioningRequest(definition, "stations.csv", [Station("A", 0.3), Station("B", -0.2)], "PGA", [37.0], [37.1], [400.0], 2);
        var client = new EventConditioningClient(connection.Client);

        var e = await Assert.ThrowsAsync<QuakeGridInputException>(() => client.RunAsync(request, "rejected-batch"));
        Assert.Equal("stations.csv", e.Source);
        Assert.Contains("station B", e.Record);
        Assert.Contains("value", e.Field);
        Assert.Equal(0, await connection.Client.GetGrain<IEventGrain>("rejected-batch").GetRevisionAsync());

        double[] lon = [37.0, 37.12345, 36.9, 37.3], lat = [37.1, 37.05, 36.95, 37.2], vs = [400.0, 250.0, 760.0, 560.0];
        var ok = await client.RunAsync(request with { Stations = [Station("A", 0.3), Station("B", 0.2), Station("C", 0.15)], Lon = lon, Lat = lat, Vs30 = vs }, "rejected-batch");
        Assert.Equal(3, ok.Event.StationCount);
        // The batched query answers as each point's site grain (the HTTP API's path), at the site-key point.
        for (var j = 0; j < lon.Length; j++)
        {
            var site = await connection.Client.GetGrain<ISiteGrain>(SiteKeys.ForEvent("rejected-batch", lon[j], lat[j])).GetShakingAsync("PGA", vs[j], 2);
            var batch = ok.Sites[j];
            Assert.Equal(2, batch.StationsUsed);
            Assert.Equal(site.Lon, batch.Lon);
            Assert.Equal(site.Lat, batch.Lat);
            Assert.InRange(Math.Abs(site.MeanLn - batch.MeanLn), 0.0, 1e-12);
            Assert.InRange(Math.Abs(site.StdLn - batch.StdLn), 0.0, 1e-12);
            Assert.InRange(Math.Abs(site.StdBetween - batch.StdBetween), 0.0, 1e-12);
        }
        Assert.Equal(37.1235, ok.Sites[1].Lon);

        var tooMany = new SiteShakingQuery("PGA", new double[SiteShakingQuery.MaxSites + 1], new double[SiteShakingQuery.MaxSites + 1], new double[SiteShakingQuery.MaxSites + 1], 2);
        var cap = await Assert.ThrowsAsync<QuakeGridInputException>(() => connection.Client.GetGrain<IEventShakingGrain>("rejected-batch").GetShakingAsync(tooMany));
        Assert.Equal("sites", cap.Field);
    }
}
