using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using QuakeGrid.Cli.Demo;
using QuakeGrid.Cli.Reporting;
using QuakeGrid.Cli.Scenario;
using QuakeGrid.Client;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Validation;
using Spectre.Console;

namespace QuakeGrid.Cli.Commands;

/// <summary>
/// <c>quakegrid scenario --demo</c> and <c>quakegrid scenario --rupture R.xml --sites site_model.csv [--imts ..] [--gmm ..]
/// [--tile-size N] --output dir</c>: a scenario shaking map computed by region grains on the embedded silo or on the
/// cluster given by <c>--cluster</c>. Writes the CSV, GeoJSON and PNG maps described in <see cref="ScenarioOutputs"/>.
/// </summary>
public static class ScenarioCommand
{
    public const string DefaultOutput = "out/scenario";

    public static Command Create(CliEnvironment env, Option<string?> cluster)
    {
        var demo = new Option<bool>("--demo") { Description = "Run the bundled Hayward M6.25 scenario (12,430 Bay Area sites)." };
        var rupture = new Option<string?>("--rupture") { Description = "OpenQuake NRML rupture: singlePlaneRupture, simpleFaultRupture or multiPlanesRupture." };
        var sites = new Option<string?>("--sites") { Description = "OpenQuake site-model CSV: lon,lat,vs30[,z1pt0,...]." };
        var imts = new Option<string?>("--imts") { Description = $"Comma-separated IMTs (default {HaywardDemo.Imts})." };
        var gmm = new Option<string>("--gmm") { Description = "Ground-motion model (default BooreEtAl2014).", DefaultValueFactory = _ => "BooreEtAl2014" };
        var tileSize = new Option<int>("--tile-size") { Description = "Sites per region grain (default 2000).", DefaultValueFactory = _ => 2000 };
        var output = new Option<string>("--output") { Description = $"Output folder (default {DefaultOutput}).", DefaultValueFactory = _ => DefaultOutput };
        var gmmOptions = new GmmOptionSet();

        var command = new Command("scenario", "Compute a scenario shaking map (median, tau, phi, sigma per site) on the cluster.");
        command.Options.Add(demo);
        command.Options.Add(rupture);
        command.Options.Add(sites);
        command.Options.Add(imts);
        command.Options.Add(gmm);
        gmmOptions.AddTo(command);
        command.Options.Add(tileSize);
        command.Options.Add(output);
        command.SetAction((parse, ct) => RunAsync(env, new ScenarioArgs(
            parse.GetValue(demo), parse.GetValue(rupture), parse.GetValue(sites), parse.GetValue(imts),
            parse.GetValue(gmm) ?? "BooreEtAl2014", gmmOptions.Build(parse), parse.GetValue(tileSize),
            parse.GetValue(output) ?? DefaultOutput, parse.GetValue(cluster)), ct));
        return command;
    }

    private sealed record ScenarioArgs(bool Demo, string? Rupture, string? Sites, string? Imts, string Gmm, GmmOptions GmmOptions,
        int TileSize, string Output, string? Cluster);

    private static async Task<int> RunAsync(CliEnvironment env, ScenarioArgs args, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        if (args.TileSize < 1) throw new QuakeGridInputException("--tile-size", null, null, $"{args.TileSize} must be at least 1 site per region");
        var inputs = ScenarioInputs.Resolve(args.Demo, args.Rupture, args.Sites, args.Imts);

        // Validate the model, IMTs and magnitude here, before any silo starts, so a bad request fails fast and cleanly.
        var model = GmmOptionSet.CreateModel(args.Gmm, args.GmmOptions, "--gmm");
        foreach (var imt in inputs.Imts)
            if (!model.Supports(imt.Imt))
                throw new QuakeGridInputException("--imts", imt.Label, null, $"{model.Name} has no coefficients for {imt.Label} and does not interpolate it");
        var (magMin, magMax) = model.MagnitudeRange;
        if (inputs.Rupture.Magnitude < magMin || inputs.Rupture.Magnitude > magMax)
            throw new QuakeGridInputException(args.Rupture ?? "demo rupture", "rupture", "magnitude",
                $"magnitude {inputs.Rupture.Magnitude.ToString(CultureInfo.InvariantCulture)} is outside the range of {model.Name}, [{magMin.ToString(CultureInfo.InvariantCulture)}, {magMax.ToString(CultureInfo.InvariantCulture)}]");

        if (args.GmmOptions.Basin != BasinRegion.None)
        {
            var z1 = inputs.Sites.Z1pt0;
            for (var i = 0; i < z1.Length; i++)
                if (double.IsNaN(z1[i]))
                    throw new QuakeGridInputException(args.Sites ?? "demo sites", $"site {i + 1}", "z1pt0",
                        "missing; the basin term (--basin) needs z1pt0 in metres for every site");
        }

        var console = env.Console;
        console.MarkupLine($"[bold]{Markup.Escape(inputs.EventName)}[/]: {inputs.Sites.Count:N0} sites, IMTs {Markup.Escape(string.Join(", ", inputs.Imts.Select(i => i.Label)))}, {Markup.Escape(model.Name)}");

        var connectWatch = Stopwatch.StartNew();
        await using var connection = await ClusterOption.ConnectAsync(args.Cluster, ct).ConfigureAwait(false);
        connectWatch.Stop();
        console.MarkupLine(connection.IsEmbedded
            ? $"embedded silo started in {connectWatch.Elapsed.TotalSeconds:0.0} s"
            : $"connected to cluster {Markup.Escape(args.Cluster ?? string.Empty)} in {connectWatch.Elapsed.TotalSeconds:0.0} s");

        var request = new ScenarioRequest(inputs.Rupture, inputs.Sites, inputs.Imts.Select(i => i.Imt).ToArray(), args.Gmm, args.GmmOptions, args.TileSize);
        var jobWatch = Stopwatch.StartNew();
        ScenarioResult? result = null;
        var regions = 0;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("regions", maxValue: Math.Max(1, (inputs.Sites.Count + args.TileSize - 1) / args.TileSize));
                var progress = new InlineProgress<ScenarioProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.RegionsTotal);
                    task.Value = p.RegionsDone;
                    task.Description = $"regions {p.RegionsDone}/{p.RegionsTotal}";
                    regions = p.RegionsTotal;
                });
                result = await connection.Scenarios.RunAsync(request, progress, ct).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        jobWatch.Stop();

        var values = result!.Values;
        var writeWatch = Stopwatch.StartNew();
        var written = ScenarioOutputs.Write(args.Output, inputs, model.Name, values);
        writeWatch.Stop();

        ScenarioReport.PrintSummary(console, inputs.Imts, values);
        if (inputs.DemoDirectory is { } demoDir) PrintPlausibility(console, demoDir, inputs, values);

        console.MarkupLine($"job {Markup.Escape(result.JobId)}: {inputs.Sites.Count:N0} sites in {regions} region grains, {jobWatch.Elapsed.TotalSeconds:0.00} s on the {(connection.IsEmbedded ? "embedded silo" : "cluster")}; outputs written in {writeWatch.Elapsed.TotalSeconds:0.00} s; total {total.Elapsed.TotalSeconds:0.00} s");
        foreach (var path in written) console.MarkupLine("  " + Markup.Escape(path));
        return ExitCodes.Success;
    }

    private static void PrintPlausibility(IAnsiConsole console, string demoDir, ScenarioInputs inputs, GmmResult values)
    {
        var rows = new List<(string, RatioStatistics)>();
        foreach (var (imt, file) in HaywardDemo.ReferenceFiles)
        {
            var k = inputs.Imts.ToList().FindIndex(i => i.Imt == imt);
            if (k < 0) continue;
            var reference = ReferenceMedians.Read(Path.Combine(demoDir, file));
            if (reference.Length != inputs.Sites.Count)
                throw new QuakeGridInputException(file, null, "medianim", $"has {reference.Length} rows, the site model has {inputs.Sites.Count}");
            var ours = values.LnMedian[k].Select(Math.Exp).ToArray();
            rows.Add((inputs.Imts[k].Label, RatioStatistics.Of(ours, reference)));
        }
        ScenarioReport.PrintPlausibility(console, rows);
    }
}
