using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using QuakeGrid.Cli.Conditioning;
using QuakeGrid.Cli.Fields;
using QuakeGrid.Cli.Input;
using QuakeGrid.Client.Conditioning;
using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.IO.Stations;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Commands;

/// <summary>
/// <c>quakegrid condition --rupture R.xml --stations S.(csv|json|xml) [--station-sites site_model.csv] --sites T.csv --gmm BSSA14
/// --imt PGA --correlation JB2009 [--method exact|vecchia] [--neighbors K] [--events E --seed K] --output dir</c>:
/// ground motion conditioned on station records (Core <see cref="StationConditioning"/>: Engler et al. 2022 / ShakeMap 4.1),
/// written by <see cref="ConditionOutputs"/>. Accepted and rejected stations are reported, each rejection with its reason.
/// With the global <c>--cluster &lt;redis&gt;</c> (or <c>--embedded</c>, an in-process silo) the same workflow runs through the
/// event, station and site grains of the HTTP event API (<see cref="EventConditioningClient"/>): <c>--method vecchia</c> kriges
/// each target on its own k nearest stations, <c>--method exact</c> on every station; samples are refused there
/// (<see cref="ClusterConditioning.Refusal"/>).
/// </summary>
public static class ConditionCommand
{
    /// <summary>Largest target count for the exact method (dense kriging and dense unconditional fields for samples).</summary>
    public const int MaxExactTargets = 5_000;

    public static Command Create(CliEnvironment env, Option<string?> cluster)
    {
        var rupture = new Option<string>("--rupture") { Description = "OpenQuake NRML rupture file.", Required = true };
        var stations = new Option<string>("--stations") { Description = "Station file: OpenQuake stationlist .csv, ShakeMap stationlist .json or ShakeMap _dat .xml.", Required = true };
        var stationSites = new Option<string?>("--station-sites") { Description = "Site-model CSV giving station Vs30 (nearest point within 5 km), e.g. OpenQuake's site_model_stations.csv." };
        var sites = new Option<string>("--sites") { Description = "Target site-model CSV (lon,lat,vs30[,z1pt0]).", Required = true };
        var gmm = new Option<string>("--gmm") { Description = "Ground-motion model: " + string.Join(", ", GmmFactory.KnownNames) + ".", Required = true };
        var imt = new Option<string>("--imt") { Description = "One intensity measure type observed by the stations, e.g. PGA.", Required = true };
        var correlation = new Option<string>("--correlation") { Description = "Spatial correlation of the within-event residuals, e.g. JB2009 or JB2009:vs30-clustering.", Required = true };
        var method = new Option<string>("--method") { Description = "exact (every target on every station) or vecchia (k nearest stations; Vecchia fields for samples).", DefaultValueFactory = _ => "exact" };
        var neighbors = new Option<int>("--neighbors") { Description = "Stations per target for --method vecchia.", DefaultValueFactory = _ => 50 };
        var events = new Option<int>("--events") { Description = "Number of conditional samples to write to samples.csv (0: none).", DefaultValueFactory = _ => 0 };
        var seed = new Option<ulong>("--seed") { Description = "Job seed for the samples.", DefaultValueFactory = _ => 42UL };
        var output = new Option<string>("--output") { Description = "Output folder (conditioned.csv, samples.csv, conditioned.png).", Required = true };
        var embedded = new Option<bool>("--embedded") { Description = "Run through the event, station and site grains on an in-process silo (as --cluster does on a real cluster)." };
        var concurrency = new Option<int>("--concurrency") { Description = $"With --cluster or --embedded: most batched site queries ({EventConditioningClient.SitesPerQuery} targets each) in flight.", DefaultValueFactory = _ => EventConditioningClient.DefaultMaxConcurrentQueries };
        var gmmOptions = new GmmOptionSet();

        var command = new Command("condition", "Condition ground motion on station records (in this process, or through the event grains with --cluster or --embedded).");
        foreach (var o in new Option[] { rupture, stations, stationSites, sites, gmm }) command.Options.Add(o);
        gmmOptions.AddTo(command);
        foreach (var o in new Option[] { imt, correlation, method, neighbors, events, seed, output, embedded, concurrency }) command.Options.Add(o);
        command.SetAction((parse, ct) => RunAsync(env, parse.GetRequiredValue(rupture), parse.GetRequiredValue(stations), parse.GetValue(stationSites),
            parse.GetRequiredValue(sites), parse.GetRequiredValue(gmm), gmmOptions.Build(parse), parse.GetRequiredValue(imt),
            parse.GetRequiredValue(correlation), parse.GetValue(method)!, parse.GetValue(neighbors), parse.GetValue(events),
            parse.GetValue(seed), parse.GetRequiredValue(output), new Placement(parse.GetValue(cluster), parse.GetValue(embedded), parse.GetValue(concurrency), parse.GetResult(concurrency) is { Implicit: false }), ct));
        return command;
    }

    /// <summary>Where the run goes: in this process (neither set), the cluster at <paramref name="Cluster"/>, or an embedded silo.</summary>
    private sealed record Placement(string? Cluster, bool Embedded, int Concurrency, bool ConcurrencyGiven)
    {
        public bool OnGrains => Cluster is not null || Embedded;
    }

    private static async Task<int> RunAsync(CliEnvironment env, string rupturePath, string stationsPath, string? stationSitesPath, string sitesPath,
        string gmmName, GmmOptions gmmOptions, string imtText, string correlationSpec, string methodText, int neighbors, int events,
        ulong seed, string outputDir, Placement placement, CancellationToken ct)
    {
        if (placement.Cluster is not null && placement.Embedded)
            throw new QuakeGridInputException("--embedded", null, null, "give either --cluster or --embedded, not both");
        if (!placement.OnGrains && placement.ConcurrencyGiven)
            throw new QuakeGridInputException("--concurrency", null, null, "only applies with --cluster or --embedded (this run is in process)");
        if (placement.OnGrains && placement.Concurrency < 1)
            throw new QuakeGridInputException("--concurrency", null, null, $"{placement.Concurrency} must be at least 1");
        var method = methodText.Trim().ToLowerInvariant() switch
        {
            "exact" => ConditioningMethod.Exact,
            "vecchia" => ConditioningMethod.Scalable,
            _ => throw new QuakeGridInputException("--method", methodText, null, "expected exact or vecchia"),
        };
        if (events < 0) throw new QuakeGridInputException("--events", null, null, $"{events} must be 0 or more");
        if (neighbors < 1) throw new QuakeGridInputException("--neighbors", null, null, $"{neighbors} must be at least 1");
        var imt = CommonInputs.SingleImt(imtText);
        CommonInputs.Kernel(correlationSpec, imt.Imt); // validates the specification before any work
        var model = GmmOptionSet.CreateModel(gmmName, gmmOptions, "--gmm");
        if (!model.Supports(imt.Imt)) throw new QuakeGridInputException("--imt", imt.Label, null, $"{model.Name} has no coefficients for {imt.Label}");
        var rupture = CommonInputs.ReadRupture(rupturePath);
        var targetModel = CommonInputs.ReadSites(sitesPath);
        var targets = targetModel.Sites;
        if (method == ConditioningMethod.Exact && targets.Count > MaxExactTargets)
            throw new QuakeGridInputException("--method", "exact", null, $"{targets.Count:N0} targets is too many for the exact method (at most {MaxExactTargets:N0}); use --method vecchia");
        if (File.Exists(outputDir)) throw new QuakeGridInputException("--output", outputDir, null, "is a file; give a folder");

        var read = ReadStations(stationsPath, stationSitesPath);
        var set = read.Stations;
        env.Out.WriteLine($"stations: {set.Count} accepted, {read.Rejections.Count} rejected ({stationsPath})");
        foreach (var r in read.Rejections) env.Out.WriteLine("  rejected: " + r);
        if (set.Count == 0) throw new QuakeGridInputException(stationsPath, null, null, "no station was accepted");
        if (set.CountObserved(imt.Imt) == 0) throw new QuakeGridInputException(stationsPath, null, imt.Label, $"no accepted station observed {imt.Label}");
        if (placement.OnGrains)
            return await RunOnGrainsAsync(env, placement, rupturePath, rupture, set, targetModel, sitesPath, gmmName, gmmOptions, imt,
                correlationSpec, method, neighbors, events, outputDir, ct).ConfigureAwait(false);

        var result = StationConditioning.Run(set, targets, imt.Imt, model, rupture, ConditioningModel.FromSpec(correlationSpec),
            method, neighbors, events, seed);
        foreach (var skipped in result.SkippedImts) env.Out.WriteLine($"  not used: {skipped} ({model.Name} has no coefficients for it)");

        var title = $"{Path.GetFileNameWithoutExtension(rupturePath)} M{rupture.Magnitude.ToString("0.##", CultureInfo.InvariantCulture)}: " +
                    $"{model.Name} {imt.Label} conditioned on {set.CountObserved(imt.Imt)} stations ({correlationSpec})";
        var written = ConditionOutputs.Write(outputDir, targets, CommonInputs.SiteIds(targetModel), result, set, rupture, imt, title);
        var f = result.Field;
        env.Out.WriteLine($"nominal between-event bias (ln units): {f.Stations.NominalBias.ToString("0.####", CultureInfo.InvariantCulture)}");
        foreach (var path in written) env.Out.WriteLine("wrote " + path);
        return ExitCodes.Success;
    }

    /// <summary>The responder workflow through the event, station and site grains; same outputs (no samples).</summary>
    private static async Task<int> RunOnGrainsAsync(CliEnvironment env, Placement placement, string rupturePath, Rupture rupture, StationSet set,
        QuakeGrid.Core.IO.SiteModel.SiteModel targetModel, string sitesPath, string gmmName, GmmOptions gmmOptions, NamedImt imt, string correlationSpec,
        ConditioningMethod method, int neighbors, int events, string outputDir, CancellationToken ct)
    {
        var targets = targetModel.Sites;
        var exact = method == ConditioningMethod.Exact;
        var observed = set.CountObserved(imt.Imt);
        if (ClusterConditioning.Refusal(events, targets, sitesPath, neighbors, exact, observed) is { } refusal) throw refusal;
        var k = exact ? observed : Math.Min(neighbors, observed);
        var request = new EventConditioningRequest(
            ClusterConditioning.Definition(rupture, rupturePath, gmmName, gmmOptions, imt.Imt, correlationSpec, k),
            set.Source, ClusterConditioning.Records(set, imt.Imt), imt.Imt.ToString(), targets.Lon, targets.Lat, targets.Vs30, k);
        var eventId = EventConditioningClient.NewEventId();
        EventConditioningClient.Validate(request, eventId); // before the silo starts or the cluster is joined
        if (File.Exists(outputDir)) throw new QuakeGridInputException("--output", outputDir, null, "is a file; give a folder");

        var watch = Stopwatch.StartNew();
        await using var connection = await ClusterOption.ConnectAsync(placement.Cluster, ct).ConfigureAwait(false);
        var where = connection.IsEmbedded ? "the embedded silo" : "cluster " + placement.Cluster;
        env.Out.WriteLine($"connected to {where} in {watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        watch.Restart();
        var result = await new EventConditioningClient(connection.Client, placement.Concurrency).RunAsync(request, eventId, ct: ct).ConfigureAwait(false);
        watch.Stop();
        var posterior = result.Event.Posteriors.Single();
        env.Out.WriteLine($"event {result.EventId}: {result.Event.StationCount} stations ingested; {targets.Count:N0} targets kriged on " +
                          $"{(exact ? "every station" : $"their {k} nearest stations")} in {watch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s " +
                          $"({EventConditioningClient.SitesPerQuery} targets per query, {placement.Concurrency} queries in flight)");

        var mean = result.Sites.Select(a => a.MeanLn).ToArray();
        var std = result.Sites.Select(a => a.StdLn).ToArray();
        var title = $"{Path.GetFileNameWithoutExtension(rupturePath)} M{rupture.Magnitude.ToString("0.##", CultureInfo.InvariantCulture)}: " +
                    $"{gmmName} {imt.Label} conditioned on {observed} stations ({correlationSpec}, {(connection.IsEmbedded ? "embedded silo" : "cluster")})";
        var written = ConditionOutputs.Write(outputDir, targets, CommonInputs.SiteIds(targetModel), mean, std, null, 0, set, rupture, imt, title);
        env.Out.WriteLine($"nominal between-event bias (ln units): {posterior.NominalBias.ToString("0.####", CultureInfo.InvariantCulture)}");
        foreach (var path in written) env.Out.WriteLine("wrote " + path);
        return ExitCodes.Success;
    }

    private static StationSetReadResult ReadStations(string path, string? stationSitesPath)
    {
        StationSiteModel? siteModel = null;
        if (stationSitesPath is not null) siteModel = new StationSiteModel(CommonInputs.ReadSites(stationSitesPath, "--station-sites").Sites);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext == ".csv") return StationFileReader.Read(path, siteModel);
        var read = StationFileReader.Read(path);
        return siteModel is null ? read : siteModel.AssignTo(read);
    }
}
