using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sites;
using QuakeGrid.Tests.Shared;

namespace QuakeGrid.Cluster.Tests.Support;

/// <summary>The Hayward M6.25 rupture and 1,200 Bay Area sites (see data/hayward/PROVENANCE.md).</summary>
public static class HaywardInputs
{
    private static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "data", "hayward", file);

    public static Rupture Rupture() => HaywardCsv.ReadRupture(DataPath("rup_HaywardM625_UCERF2.csv"));

    public static SiteCollection Sites() => HaywardCsv.ReadSites(DataPath("sites_1200.csv"));
}
