namespace QuakeGrid.Core.Sources;

/// <summary>A source model read from one NRML file: its name, the file path and its sources in file order.</summary>
public sealed record SourceModel(string Name, string Path, IReadOnlyList<SeismicSource> Sources);
