using System.CommandLine;
using QuakeGrid.Cli.Input;
using QuakeGrid.Cli.Output;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Commands;

/// <summary>
/// <c>quakegrid gmm --model M [--basin ..] [--attenuation ..] [--no-sof] [--soil] --imts LIST --input in.csv --output out.csv</c>:
/// evaluates a ground-motion model for every row of a CSV (<c>mag,rake,rjb,rrup,vs30[,z1pt0]</c>) with Core only;
/// no silo is started. See <see cref="GmmCsvWriter"/> for the output columns.
/// </summary>
public static class GmmCommand
{
    public static Command Create(CliEnvironment env)
    {
        var model = new Option<string>("--model")
        {
            Description = "Ground-motion model, OpenQuake name or alias: " + string.Join(", ", GmmFactory.KnownNames) + ".",
            Required = true,
        };
        var imts = new Option<string>("--imts")
        {
            Description = "Comma-separated intensity measure types, e.g. PGA,PGV,SA(0.2),SA(1.0).",
            Required = true,
        };
        var input = new Option<string>("--input") { Description = "Input CSV with columns mag,rake,rjb,rrup,vs30[,z1pt0].", Required = true };
        var output = new Option<string>("--output") { Description = "Output CSV (input columns, then <IMT>:median,tau,phi,sigma).", Required = true };
        var gmmOptions = new GmmOptionSet();

        var command = new Command("gmm", "Evaluate a ground-motion model for the records of a CSV file (no cluster needed).");
        command.Options.Add(model);
        gmmOptions.AddTo(command);
        command.Options.Add(imts);
        command.Options.Add(input);
        command.Options.Add(output);
        command.SetAction(parse => Run(env,
            parse.GetRequiredValue(model), gmmOptions.Build(parse), parse.GetRequiredValue(imts),
            parse.GetRequiredValue(input), parse.GetRequiredValue(output)));
        return command;
    }

    private static int Run(CliEnvironment env, string modelName, GmmOptions options, string imtText, string inputPath, string outputPath)
    {
        var imts = ImtListParser.Parse(imtText);
        var model = GmmOptionSet.CreateModel(modelName, options, "--model");
        foreach (var imt in imts)
        {
            if (!model.Supports(imt.Imt))
                throw new QuakeGridInputException("--imts", imt.Label, null, $"{model.Name} has no coefficients for {imt.Label} and does not interpolate it");
        }

        var table = GmmInputTable.Read(inputPath, rakeRequired: options.StyleOfFaulting, z1pt0Required: options.Basin != BasinRegion.None);
        table.CheckMagnitudes(inputPath, model.Name, model.MagnitudeRange);

        var ctx = new GmmContext(table.Mag, table.Rake, table.Rjb, table.Rrup, table.Vs30, table.Z1pt0);
        var result = new GmmResult(imts.Select(i => i.Imt).ToArray(), table.Count);
        for (var k = 0; k < imts.Count; k++) model.Compute(ctx, imts[k].Imt, result.Output(k));

        AtomicFile.WriteText(outputPath, writer => GmmCsvWriter.Write(writer, table, imts, result));
        env.Out.WriteLine($"{model.Name}: {table.Count} records x {imts.Count} IMTs -> {outputPath}");
        return ExitCodes.Success;
    }
}
