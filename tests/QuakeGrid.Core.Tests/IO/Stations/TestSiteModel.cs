using QuakeGrid.Core.IO.SiteModel;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Core.Tests.IO.Stations;

/// <summary>Site models for the tests, read with the project's OpenQuake site-model reader.</summary>
internal static class TestSiteModel
{
    public static SiteCollection Load(string path) => SiteModelCsvReader.Read(path).Sites;
}
