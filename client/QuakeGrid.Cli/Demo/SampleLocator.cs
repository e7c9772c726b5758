using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Demo;

/// <summary>
/// Finds the bundled sample folders. The build copies <c>samples/</c> next to the executable; when running from a
/// different layout, the folders above the executable and above the working directory are searched for
/// <c>samples/&lt;name&gt;</c>.
/// </summary>
public static class SampleLocator
{
    public static string Find(string name, string markerFile)
    {
        var tried = new List<string>();
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", name);
                tried.Add(candidate);
                if (File.Exists(Path.Combine(candidate, markerFile))) return candidate;
            }
        }
        throw new QuakeGridInputException("--demo", null, null,
            $"sample data 'samples/{name}' not found (looked for {markerFile} in {tried.Count} folders from {AppContext.BaseDirectory} and {Directory.GetCurrentDirectory()} upwards)");
    }
}
