using System.CommandLine;
using QuakeGrid.Cli.Commands;
using QuakeGrid.Core.Inference.Benchmarks;
using QuakeGrid.Core.Inference.Data;
using QuakeGrid.Core.IO.Residuals;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Inference;

/// <summary>
/// <c>quakegrid bench loglik --data residuals.csv [--model EAS] [--params ...] [--repeat 10] [--threads 1,2]</c>:
/// time of one pooled log-likelihood + gradient, reference against blocked algorithm, in one run.
/// </summary>
public static class LikelihoodBenchCommand
{
    /// <summary>Builds the sub-command.</summary>
    public static Command Create(CliEnvironment env)
    {
        var data = new Option<string>("--data") { Description = "Residual file (NGA-West2 format).", Required = true };
        var model = new Option<string>("--model") { Description = "E, EA or EAS.", DefaultValueFactory = _ => "EAS" };
        var pars = new Option<string>("--params")
        {
            Description = "Evaluation point (default: the published EAS posterior mean at T = 1 s, truncated to the model).",
            DefaultValueFactory = _ => "",
        };
        var repeat = new Option<int>("--repeat") { Description = "Timed evaluations per configuration.", DefaultValueFactory = _ => 10 };
        var threads = new Option<string>("--threads") { Description = "Comma-separated thread counts.", DefaultValueFactory = _ => "1,2" };
        var command = new Command("loglik", "Pooled correlation log-likelihood + gradient: reference vs blocked algorithm (issue 6).");
        foreach (var o in new Option[] { data, model, pars, repeat, threads }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var kind = CorrelationCliInputs.ParseModel(parse.GetValue(model)!);
            var names = QuakeGrid.Core.Inference.Likelihood.CorrelationModels.ParameterNames(kind);
            var defaults = new Dictionary<string, string> { ["LE"] = "29.8", ["gammaE"] = "0.41", ["LA"] = "20.5", ["LS"] = "169.2", ["w"] = "0.7" };
            var text = parse.GetValue(pars)!;
            if (text.Length == 0) text = string.Join(",", names.Select(n => $"{n}={defaults[n]}"));
            var at = CorrelationCliInputs.ParseParams(text, kind);
            var reps = parse.GetValue(repeat);
            if (reps < 1) throw new QuakeGridInputException("--repeat", reps.ToString(System.Globalization.CultureInfo.InvariantCulture), null, "must be at least 1");
            var counts = parse.GetValue(threads)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => int.TryParse(t, out var v) && v >= 1 ? v : throw new QuakeGridInputException("--threads", t, null, "must be a positive integer"))
                .ToArray();
            var pooled = PooledResidualData.FromTable(ResidualTableReader.Read(parse.GetValue(data)!));
            env.Err.WriteLine($"{pooled.Events.Count} events, {pooled.Events.Sum(e => e.Count)} records, largest {pooled.MaxEventSize}");
            BenchCommand.Load(env, "start");
            env.Out.Write(LikelihoodBenchmark.ToMarkdown(LikelihoodBenchmark.Run(pooled, kind, at, reps, counts)));
            env.Out.WriteLine();
            env.Out.Write(LikelihoodBenchmark.ToMarkdown(LikelihoodBenchmark.RunPhases(pooled, kind, at, reps), pooled));
            BenchCommand.Load(env, "end");
            return 0;
        });
        return command;
    }
}
