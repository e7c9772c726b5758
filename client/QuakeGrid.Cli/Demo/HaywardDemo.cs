using QuakeGrid.Core.Imts;

namespace QuakeGrid.Cli.Demo;

/// <summary>
/// The demo scenario: the UCERF2 Hayward M6.25 rupture and 12,430 San Francisco Bay Area sites from the case study of
/// Bodenmann, Baker &amp; Stojadinović (2023), bundled in <c>samples/hayward</c> (see its PROVENANCE.md).
/// </summary>
public static class HaywardDemo
{
    public const string SampleName = "hayward";
    public const string RuptureFile = "rupture.xml";
    public const string SiteModelFile = "site_model.csv";
    public const string EventName = "Hayward M6.25 (UCERF2)";
    public const string Imts = "PGA,SA(0.3),SA(1.0),SA(3.0)";

    /// <summary>The case study's per-period files whose <c>medianim</c> column (g) serves as a plausibility check.</summary>
    public static IReadOnlyList<(Imt Imt, string File)> ReferenceFiles { get; } =
    [
        (Imt.Sa(0.3), "site_im_sa03_HaywardM625_UCERF2.csv"),
        (Imt.Sa(1.0), "site_im_sa1_HaywardM625_UCERF2.csv"),
        (Imt.Sa(3.0), "site_im_sa3_HaywardM625_UCERF2.csv"),
    ];

    public static string Directory() => SampleLocator.Find(SampleName, RuptureFile);
}
