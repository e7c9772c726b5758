namespace QuakeGrid.Cli.Tests.Support;

/// <summary>Paths of the files under the test project's <c>data/</c> folder (copied to the output directory).</summary>
public static class TestData
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "data", .. parts]);
}
