using System.CommandLine;
using System.Diagnostics;
using QuakeGrid.Cli.Fields;
using QuakeGrid.Cli.Output;
using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Commands;

/// <summary>
/// <c>quakegrid gmf --rupture R.xml (--sites S.csv | --sites-grid lon0,lat0,lon1,lat1,spacing_km [--vs30 V]) --gmm BSSA14
/// --imt PGA --correlation JB2009[:vs30-clustering]|posterior:posterior.csv --events E --seed K [--method exact|vecchia] [--neighbors M]
/// [--output-component total|within] [--float32] --output fields.csv|fields.bin</c>: unconditional ground-motion fields
/// (<see cref="GmfGenerator"/>) with Core only; no silo is started.
/// </summary>
public static class GmfCommand
{
    public static Command Create(CliEnvironment env)
    {
        var rupture = new Option<string>("--rupture") { Description = "OpenQuake NRML rupture file.", Required = true };
        var sites = new Option<string?>("--sites") { Description = "Site-model CSV (lon,lat,vs30[,z1pt0][,custom_site_id])." };
        var grid = new Option<string?>("--sites-grid") { Description = "Regular grid lon0,lat0,lon1,lat1,spacing_km (longitude step adjusted for latitude)." };
        var vs30 = new Option<double>("--vs30") { Description = "Vs30 (m/s) of every --sites-grid site.", DefaultValueFactory = _ => 760.0 };
        var gmm = new Option<string>("--gmm") { Description = "Ground-motion model: " + string.Join(", ", GmmFactory.KnownNames) + ".", Required = true };
        var imt = new Option<string>("--imt") { Description = "One intensity measure type, e.g. PGA or SA(1.0).", Required = true };
        var correlation = new Option<string>("--correlation") { Description = "Spatial correlation: JB2009[:vs30-clustering], HM2018, E, EA, EAS[:lE=..,gammaE=..,lA=..,lS=..,w=..], or posterior:<posterior.csv> (fit-correlation output: each event draws its own hyperparameters).", Required = true };
        var events = new Option<int>("--events") { Description = "Number of events (fields).", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Job seed; event e draws from streams derived from (seed, e, purpose).", Required = true };
        var method = new Option<string>("--method") { Description = "exact (dense Cholesky, up to 5,000 sites) or vecchia.", DefaultValueFactory = _ => "exact" };
        var neighbors = new Option<int?>("--neighbors") { Description = "Vecchia neighbours m (default 30; 150 with the mixed rule for kernels with a Vs30 term, EAS)." };
        var component = new Option<string>("--output-component") { Description = "total (ln IM = mu + tau*eta + phi*eps) or within (eps).", DefaultValueFactory = _ => "total" };
        var float32 = new Option<bool>("--float32") { Description = "Store .bin values as float32 instead of float64." };
        var threads = new Option<int>("--threads") { Description = "Maximum threads (-1: all cores).", DefaultValueFactory = _ => -1 };
        var output = new Option<string>("--output") { Description = "Output file: .csv (site_id,lon,lat,ev0,...) or .bin (docs/gmf-binary-format.md).", Required = true };
        var gmmOptions = new GmmOptionSet();

        var command = new Command("gmf", "Sample unconditional ground-motion fields for a rupture (no cluster needed).");
        foreach (var o in new Option[] { rupture, sites, grid, vs30, gmm }) command.Options.Add(o);
        gmmOptions.AddTo(command);
        foreach (var o in new Option[] { imt, correlation, events, seed, method, neighbors, component, float32, threads, output }) command.Options.Add(o);
        command.SetAction(parse => Run(env, new Request(
            parse.GetRequiredValue(rupture), parse.GetValue(sites), parse.GetValue(grid), parse.GetValue(vs30),
            parse.GetRequiredValue(gmm), gmmOptions.Build(parse), parse.GetRequiredValue(imt), parse.GetRequiredValue(correlation),
            parse.GetValue(events), parse.GetValue(seed), parse.GetValue(method)!, parse.GetValue(neighbors),
            parse.GetValue(component)!, parse.GetValue(float32), parse.GetValue(threads), parse.GetRequiredValue(output))));
        return command;
    }

    private sealed record Request(string Rupture, string? Sites, string? Grid, double Vs30, string Gmm, GmmOptions GmmOptions,
        string Imt, string Correlation, int Events, ulong Seed, string Method, int? Neighbors, string Component, bool Float32,
        int Threads, string Output);

    private static int Run(CliEnvironment env, Request q)
    {
        // Validate everything before any work.
        var ext = Path.GetExtension(q.Output).ToLowerInvariant();
        if (ext is not (".csv" or ".bin")) throw new QuakeGridInputException("--output", q.Output, null, "the output file must end in .csv or .bin");
        if (q.Float32 && ext != ".bin") throw new QuakeGridInputException("--float32", null, null, "--float32 applies to .bin output only");
        var method = q.Method.Trim().ToLowerInvariant() switch
        {
            "exact" => GmfMethod.Exact,
            "vecchia" => GmfMethod.Vecchia,
            _ => throw new QuakeGridInputException("--method", q.Method, null, "expected exact or vecchia"),
        };
        var component = q.Component.Trim().ToLowerInvariant() switch
        {
            "total" => GmfComponent.Total,
            "within" => GmfComponent.Within,
            _ => throw new QuakeGridInputException("--output-component", q.Component, null, "expected total or within"),
        };
        if (q.Events < 1) throw new QuakeGridInputException("--events", null, null, $"{q.Events} must be at least 1");
        if (q.Neighbors is < 1 or > 200) throw new QuakeGridInputException("--neighbors", null, null, $"{q.Neighbors} must be between 1 and 200");
        if (q.Threads == 0 || q.Threads < -1) throw new QuakeGridInputException("--threads", null, null, "give a positive thread count or -1 for all cores");
        if ((q.Sites is null) == (q.Grid is null)) throw new QuakeGridInputException("--sites", null, null, "give exactly one of --sites <site_model.csv> and --sites-grid lon0,lat0,lon1,lat1,spacing_km");

        var imt = CommonInputs.SingleImt(q.Imt);
        PosteriorCorrelation? posterior = null;
        ISpatialCorrelation kernel;
        if (q.Correlation.StartsWith("posterior:", StringComparison.OrdinalIgnoreCase))
        {
            var file = q.Correlation["posterior:".Length..];
            if (file.Length == 0) throw new QuakeGridInputException("--correlation", q.Correlation, null, "give the posterior file: posterior:<posterior.csv>");
            posterior = PosteriorCorrelation.Read(file);
            kernel = posterior.Kernel(0);
        }
        else kernel = CommonInputs.Kernel(q.Correlation, imt.Imt);
        var model = GmmOptionSet.CreateModel(q.Gmm, q.GmmOptions, "--gmm");
        if (!model.Supports(imt.Imt)) throw new QuakeGridInputException("--imt", imt.Label, null, $"{model.Name} has no coefficients for {imt.Label}");
        var rupture = CommonInputs.ReadRupture(q.Rupture);
        if (rupture.Magnitude < model.MagnitudeRange.Min || rupture.Magnitude > model.MagnitudeRange.Max)
            throw new QuakeGridInputException(q.Rupture, "rupture", "magnitude", $"M{rupture.Magnitude} is outside {model.Name}'s range [{model.MagnitudeRange.Min}, {model.MagnitudeRange.Max}]");

        SiteCollection siteCollection;
        string[] ids;
        if (q.Sites is not null)
        {
            var sm = CommonInputs.ReadSites(q.Sites);
            siteCollection = sm.Sites;
            ids = CommonInputs.SiteIds(sm);
        }
        else
        {
            siteCollection = SiteGrid.Parse(q.Grid!, q.Vs30);
            ids = Enumerable.Range(0, siteCollection.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }
        var n = siteCollection.Count;
        if (method == GmfMethod.Exact && n > GmfGenerator.MaxExactSites)
            throw new QuakeGridInputException("--method", "exact", null,
                $"{n:N0} sites is too many for the exact method (at most {GmfGenerator.MaxExactSites:N0}: the dense matrix needs 8·N² bytes and O(N³) time); use --method vecchia");
        if ((long)n * q.Events > GmfGenerator.MaxValues)
            throw new QuakeGridInputException("--events", null, null,
                $"{n:N0} sites × {q.Events:N0} events = {(long)n * q.Events:N0} values exceeds {GmfGenerator.MaxValues:N0}; use fewer events per run");

        var sw = Stopwatch.StartNew();
        var gmmResult = ScenarioGroundMotion.Evaluate(model, rupture, siteCollection, [imt.Imt]);
        var corrSites = GmfGenerator.CorrelationSitesFor(siteCollection, rupture.Hypocenter);
        var vecchia = VecchiaKernelRule.DefaultFor(kernel, q.Neighbors);
        var fields = posterior is null
            ? GmfGenerator.Within(corrSites, kernel, imt.Imt, method, vecchia, q.Events, q.Seed, q.Threads)
            : posterior.SampleWithin(
                method == GmfMethod.Exact
                    ? new DenseFieldSampler(maxParallelism: q.Threads)
                    : new VecchiaFieldSampler(vecchia, maxParallelism: q.Threads),
                corrSites, q.Seed, Enumerable.Range(0, q.Events).Select(e => (long)e).ToArray(),
                Enumerable.Range(0, q.Events).Select(e => GmfGenerator.WithinSeed(q.Seed, e, imt.Imt)).ToArray());
        if (component == GmfComponent.Total) GmfGenerator.ToTotal(fields, q.Events, gmmResult, 0, imt.Imt, q.Seed);
        var sampled = sw.Elapsed;

        var result = new GmfFields(ids, siteCollection.Lon, siteCollection.Lat, q.Events, fields, component);
        if (ext == ".csv") AtomicFile.WriteText(q.Output, w => GmfCsvWriter.Write(w, result));
        else AtomicFile.WriteStream(q.Output, s => GmfBinaryFormat.Write(s, result, q.Float32));

        var how = method == GmfMethod.Exact ? "exact" : $"vecchia m={vecchia.Neighbours}" + (vecchia.Rule == NeighbourRule.Mixed ? $" mixed rule: {vecchia.Anchors} anchors + {vecchia.SpatialNeighbours} nearest + most correlated of {vecchia.MixedCandidateCount} in (x, y, Vs30)" : "");
        env.Out.WriteLine($"{model.Name} {imt.Label} {(posterior is null ? kernel.Name : $"{posterior.Variant} posterior ({posterior.Count} draws)")} ({how}): {n:N0} sites x {q.Events:N0} events, {(component == GmfComponent.Total ? "ln IM" : "within-event eps")} -> {q.Output}");
        env.Out.WriteLine($"sampling {sampled.TotalSeconds:0.000} s, total {sw.Elapsed.TotalSeconds:0.000} s");
        return ExitCodes.Success;
    }
}
