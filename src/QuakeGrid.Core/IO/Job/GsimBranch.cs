namespace QuakeGrid.Core.IO.Job;

/// <summary>One branch of a gsim logic tree: branch id, OpenQuake GMM class name, weight, and the tectonic region it applies to.</summary>
public sealed record GsimBranch(string BranchId, string GmmName, double Weight, string? TectonicRegion);
