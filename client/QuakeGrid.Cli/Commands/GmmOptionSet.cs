using System.CommandLine;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Commands;

/// <summary>
/// The ground-motion model options shared by commands that evaluate a GMM:
/// <c>--basin none|CAL|JPN</c>, <c>--attenuation global|china-turkey|italy-japan</c>, <c>--no-sof</c>, <c>--soil</c>.
/// </summary>
public sealed class GmmOptionSet
{
    public Option<string> Basin { get; } = new("--basin")
    {
        Description = "BSSA14 basin-depth term: none, CAL (California) or JPN (Japan); needs z1pt0 in metres.",
        DefaultValueFactory = _ => "none",
        HelpName = "none|CAL|JPN",
    };

    public Option<string> Attenuation { get; } = new("--attenuation")
    {
        Description = "BSSA14 regional anelastic attenuation: global, china-turkey or italy-japan.",
        DefaultValueFactory = _ => "global",
        HelpName = "global|china-turkey|italy-japan",
    };

    public Option<bool> NoStyleOfFaulting { get; } = new("--no-sof")
    {
        Description = "Unspecified style of faulting (BSSA14 e0); the rake is ignored.",
    };

    public Option<bool> Soil { get; } = new("--soil")
    {
        Description = "Sadigh et al. (1997): deep-soil equations for every record (default: rock when Vs30 > 750 m/s, soil otherwise).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Basin);
        command.Options.Add(Attenuation);
        command.Options.Add(NoStyleOfFaulting);
        command.Options.Add(Soil);
    }

    /// <summary>Reads the options; unknown values are a <see cref="QuakeGridInputException"/> naming the option.</summary>
    public GmmOptions Build(ParseResult parse)
    {
        var basinText = parse.GetValue(Basin) ?? "none";
        var basin = basinText.Trim().ToUpperInvariant() switch
        {
            "NONE" or "NOBASIN" => BasinRegion.None,
            "CAL" => BasinRegion.California,
            "JPN" => BasinRegion.Japan,
            _ => throw new QuakeGridInputException("--basin", null, null, $"unknown basin region '{basinText}' (expected none, CAL or JPN)"),
        };
        var attText = parse.GetValue(Attenuation) ?? "global";
        var attenuation = attText.Trim().ToLowerInvariant() switch
        {
            "global" => AttenuationRegion.Global,
            "china-turkey" => AttenuationRegion.ChinaTurkey,
            "italy-japan" => AttenuationRegion.ItalyJapan,
            _ => throw new QuakeGridInputException("--attenuation", null, null, $"unknown attenuation region '{attText}' (expected global, china-turkey or italy-japan)"),
        };
        return new GmmOptions(
            Basin: basin,
            Attenuation: attenuation,
            StyleOfFaulting: !parse.GetValue(NoStyleOfFaulting),
            SadighSite: parse.GetValue(Soil) ? SadighSiteClass.Soil : SadighSiteClass.ByVs30);
    }

    /// <summary>
    /// Creates the model by OpenQuake name or alias; an unknown name, or an option the model does not have, is a
    /// <see cref="QuakeGridInputException"/> naming <paramref name="optionName"/>.
    /// </summary>
    public static IGroundMotionModel CreateModel(string name, GmmOptions options, string optionName)
    {
        try
        {
            return GmmFactory.Create(name, options);
        }
        catch (ArgumentException e)
        {
            throw new QuakeGridInputException(optionName, null, null, e.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
