using System.Globalization;
using QuakeGrid.Cli.Demo;
using QuakeGrid.Core.IO.Job;

namespace QuakeGrid.Cli.Hazard;

/// <summary>
/// The bundled <c>quakegrid hazard --demo</c> job, <c>samples/nepal/job.ini</c>: the 23 area sources of the OpenQuake
/// event-based risk demo (Nepal) as an event-based hazard job with JB2009 correlated fields on a 0.1° grid. The
/// demo's own GMM logic tree (<c>gmpe_logic_tree.xml</c>, kept unchanged beside it) names models QuakeGrid does not
/// have, so the job uses <c>gsim_logic_tree_bssa14.xml</c> (BooreEtAl2014 alone) instead; <see cref="SubstitutionNote"/>
/// says so from the two files.
/// </summary>
public static class NepalDemo
{
    public const string SampleName = "nepal";
    public const string JobFile = "job.ini";
    public const string OriginalGsimLogicTree = "gmpe_logic_tree.xml";

    /// <summary>Full path of the demo job.</summary>
    public static string JobPath() => Path.Combine(SampleLocator.Find(SampleName, JobFile), JobFile);

    /// <summary>One line naming the original GMM branches and the substitute used by the demo job.</summary>
    public static string SubstitutionNote(JobConfig job)
    {
        var dir = Path.GetDirectoryName(job.Path)!;
        var original = LogicTreeReader.ReadGsimBranches(Path.Combine(dir, OriginalGsimLogicTree));
        string Names(IEnumerable<GsimBranch> branches) =>
            string.Join(" + ", branches.Select(b => $"{b.GmmName} ({b.Weight.ToString("0.###", CultureInfo.InvariantCulture)})"));
        return $"GMM substitution: the Nepal demo's logic tree ({OriginalGsimLogicTree}) uses {Names(original)}, which QuakeGrid does not have; " +
               $"this demo uses {Names(job.GsimBranches)} instead, so its hazard is not the OpenQuake demo's.";
    }
}
