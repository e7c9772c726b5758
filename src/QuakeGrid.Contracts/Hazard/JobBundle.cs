namespace QuakeGrid.Contracts.Hazard;

/// <summary>
/// An OpenQuake job as text files: <see cref="JobFileName"/> names the <c>job.ini</c> among <see cref="Files"/>, which maps
/// every file the job reads (job.ini, logic trees, source model, site model) from its path relative to the bundle root
/// (forward slashes, no <c>..</c>, not rooted) to its UTF-8 text. A silo writes the files to a private temporary folder
/// and reads them with Core's readers, so errors name the bundle path of the bad file.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.JobBundle")]
public sealed record JobBundle(
    [property: Id(0)] string JobFileName,
    [property: Id(1)] IReadOnlyDictionary<string, string> Files);
