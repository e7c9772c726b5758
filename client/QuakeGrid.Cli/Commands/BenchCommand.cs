using System.CommandLine;
using System.Globalization;
using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Gmm.Benchmarks;
using QuakeGrid.Core.Gp.Benchmarks;
using QuakeGrid.Core.Hazard.Benchmarks;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Commands;

/// <summary>
/// <c>quakegrid bench gmm|gmf|condition|hazard|distances</c>: the fixed-input performance benchmarks recorded in
/// <c>docs/benchmarks.md</c> (not tests). Each prints a markdown table and the load average at the start and end,
/// because this machine is shared and figures are only comparable within one run.
/// </summary>
public static class BenchCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("bench", "Run a fixed-input performance benchmark (figures for docs/benchmarks.md).");
        command.Subcommands.Add(Gmm(env));
        command.Subcommands.Add(Gmf(env));
        command.Subcommands.Add(Condition(env));
        command.Subcommands.Add(BenchHazardCommand.Create(env));
        command.Subcommands.Add(Distances(env));
        command.Subcommands.Add(Inference.LikelihoodBenchCommand.Create(env));
        return command;
    }

    private static Command Gmm(CliEnvironment env)
    {
        var sites = new Option<string>("--sites") { Description = "Comma-separated site counts.", DefaultValueFactory = _ => "10000,100000,1000000" };
        var repeat = new Option<int>("--repeat") { Description = "Repeats per size; the fastest is reported.", DefaultValueFactory = _ => 5 };
        var hazardBatch = new Option<bool>("--hazard-batch") { Description = "Instead: the event-based tile's GMM step, generic Compute vs the BSSA14 hazard batch (8 and 4 lanes)." };
        var command = new Command("gmm", "BSSA14 PGA + SA(1.0) throughput on one thread, distances included (M6.5 strike-slip, 200 km grid).");
        command.Options.Add(sites);
        command.Options.Add(repeat);
        command.Options.Add(hazardBatch);
        command.SetAction(parse =>
        {
            if (parse.GetValue(hazardBatch))
            {
                Load(env, "start");
                env.Out.WriteLine(HazardGmmBatchBenchmark.Run(rock: true, repeats: parse.GetValue(repeat)));
                env.Out.WriteLine(HazardGmmBatchBenchmark.Run(rock: false, repeats: parse.GetValue(repeat)));
                Load(env, "end");
                return 0;
            }
            var counts = ParseCounts(parse.GetValue(sites)!, "--sites");
            var repeats = parse.GetValue(repeat);
            if (repeats < 1) throw new QuakeGridInputException("--repeat", null, null, "must be at least 1");
            // Untimed warm-up so the tiered JIT has promoted the distance and GMM loops before anything is measured.
            GmmThroughputBenchmark.Run(Math.Min(counts.Max(), 200_000), 10);
            Load(env, "start");
            env.Out.WriteLine(GmmThroughputResult.MarkdownHeader);
            foreach (var n in counts) env.Out.WriteLine(GmmThroughputBenchmark.Run(n, repeats).ToMarkdownRow());
            Load(env, "end");
            return 0;
        });
        return command;
    }

    private static Command Gmf(CliEnvironment env)
    {
        var cases = new Option<string>("--cases")
        {
            Description = "Comma-separated cases: 20k (N = 20,000, E = 1,000), 1m (N = 10^6 jittered, E = 100), factor (10^6-site Vecchia factor, scalar reference vs SIMD, alternating), sample (10^6 × 100 sampling at several block widths), chol (blocked Cholesky vs MathNet), dense, accuracy.",
            DefaultValueFactory = _ => "20k",
        };
        var command = new Command("gmf", "Unconditional correlated-field generation (Vecchia) timings; run one large case per process for peak memory.");
        command.Options.Add(cases);
        command.SetAction(parse =>
        {
            var names = parse.GetValue(cases)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string[] known = ["20k", "1m", "factor", "sample", "chol", "dense", "accuracy"];
            foreach (var n in names)
                if (!known.Contains(n)) throw new QuakeGridInputException("--cases", n, null, "unknown case; known: " + string.Join(", ", known));
            Load(env, "start");
            env.Out.WriteLine(GmfBenchmarks.Report(names, env.Err));
            Load(env, "end");
            return 0;
        });
        return command;
    }

    private static Command Distances(CliEnvironment env)
    {
        var ruptures = new Option<int>("--ruptures") { DefaultValueFactory = _ => 2_000, Description = "Point-source ruptures." };
        var repeat = new Option<int>("--repeat") { Description = "Repeats; the fastest is reported.", DefaultValueFactory = _ => 5 };
        var command = new Command("distances", "The event-based tile's distance stage on the Nepal grid, one thread: whole selection and the Rjb/Rrup loop at 8, 4 and 1 lanes.");
        command.Options.Add(ruptures);
        command.Options.Add(repeat);
        command.SetAction(parse =>
        {
            var r = parse.GetValue(ruptures);
            var k = parse.GetValue(repeat);
            if (r < 1) throw new QuakeGridInputException("--ruptures", r.ToString(CultureInfo.InvariantCulture), null, "must be at least 1");
            if (k < 1) throw new QuakeGridInputException("--repeat", k.ToString(CultureInfo.InvariantCulture), null, "must be at least 1");
            Load(env, "start");
            env.Out.WriteLine(DistanceFilterBenchmark.Run(r, k));
            Load(env, "end");
            return 0;
        });
        return command;
    }

    private static Command Condition(CliEnvironment env)
    {
        var targets = new Option<int>("--targets") { DefaultValueFactory = _ => 100_000, Description = "Target sites." };
        var stations = new Option<int>("--stations") { DefaultValueFactory = _ => 500, Description = "Stations." };
        var samples = new Option<int>("--samples") { DefaultValueFactory = _ => 100, Description = "Conditional fields." };
        var command = new Command("condition", "Scalable conditioning (k-NN kriging + Matheron update over a Vecchia field), JB2009 PGA.");
        command.Options.Add(targets);
        command.Options.Add(stations);
        command.Options.Add(samples);
        command.SetAction(parse =>
        {
            Load(env, "start");
            env.Out.WriteLine(ConditioningBenchmark.Run(parse.GetValue(targets), parse.GetValue(stations), parse.GetValue(samples)).ToString());
            Load(env, "end");
            return 0;
        });
        return command;
    }

    private static int[] ParseCounts(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var counts = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out counts[i]) || counts[i] < 1 || counts[i] > 10_000_000)
                throw new QuakeGridInputException(option, parts[i], null, "site count must be an integer in [1, 10,000,000]");
        }
        return counts;
    }

    internal static void Load(CliEnvironment env, string when)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        env.Err.WriteLine($"load average at {when}: {load} ({Environment.ProcessorCount} cores)");
    }
}
