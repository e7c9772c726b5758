using System.CommandLine;
using System.Globalization;
using QuakeGrid.Cli.Inference;
using QuakeGrid.Core.Inference.Data;
using QuakeGrid.Core.Inference.Likelihood;
using QuakeGrid.Core.IO.Residuals;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Commands;

/// <summary>
/// <c>quakegrid correlation-loglik</c>: the exact pooled log-likelihood (nugget 1e-6) of Bodenmann et al. (2023)
/// models E/EA/EAS for one event or all events of a residual file, for cross-checks against other implementations.
/// The value is the last number printed, in round-trip precision.
/// </summary>
public static class CorrelationLoglikCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliEnvironment env)
    {
        var data = new Option<string>("--data") { Description = "Residual CSV (recid,eqid,...,epi_azimuth [rad],vs30,scaled_deltaW).", Required = true };
        var model = new Option<string>("--model") { Description = "Correlation model: E, EA or EAS.", Required = true };
        var parameters = new Option<string>("--params") { Description = "Parameters, e.g. LE=30,gammaE=0.4,LA=20,LS=170,w=0.7 (LE km, LA degrees, LS m/s).", Required = true };
        var eventId = new Option<long?>("--event") { Description = "Event id (eqid); all events (summed) when absent." };
        var command = new Command("correlation-loglik", "Exact log-likelihood of a spatial-correlation model for recorded within-event residuals.");
        command.Options.Add(data);
        command.Options.Add(model);
        command.Options.Add(parameters);
        command.Options.Add(eventId);
        command.SetAction(parse => Run(env, parse.GetRequiredValue(data), parse.GetRequiredValue(model),
            parse.GetRequiredValue(parameters), parse.GetValue(eventId)));
        return command;
    }

    private static int Run(CliEnvironment env, string dataPath, string modelText, string paramText, long? eventId)
    {
        var kind = CorrelationCliInputs.ParseModel(modelText);
        var p = CorrelationCliInputs.ParseParams(paramText, kind);
        var data = PooledResidualData.FromTable(ResidualTableReader.Read(dataPath));
        if (eventId is { } id)
        {
            if (!data.Events.Any(e => e.EqId == id))
                throw new QuakeGridInputException(dataPath, $"eqid {id}", "eqid", "no record of this event in the file");
            data = data.Where(e => e == id);
        }
        var lik = new PooledLikelihood(data, kind);
        var value = lik.Evaluate(p.ToUnconstrained(kind), Span<double>.Empty);
        var scope = eventId is { } e1 ? $"event {e1}" : $"all {data.Events.Count} events";
        env.Out.WriteLine($"model {kind}, {scope}, {data.RecordCount} records, nugget {lik.Nugget.ToString("R", CultureInfo.InvariantCulture)}");
        env.Out.WriteLine("loglik " + value.ToString("R", CultureInfo.InvariantCulture));
        return ExitCodes.Success;
    }
}
