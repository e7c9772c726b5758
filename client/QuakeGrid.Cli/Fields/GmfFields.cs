namespace QuakeGrid.Cli.Fields;

/// <summary>
/// A set of ground-motion fields as written by <c>quakegrid gmf</c>: site ids and coordinates (degrees) and the values,
/// site-major (site i, event e at <c>i·Events + e</c>): ln IM (ln g; ln cm/s for PGV) or the standardised within-event eps.
/// </summary>
public sealed record GmfFields(string[] SiteIds, double[] Lon, double[] Lat, int Events, double[] Values, GmfComponent Component)
{
    public int Sites => Lon.Length;

    /// <summary>Value of site <paramref name="site"/> in event <paramref name="eventId"/>.</summary>
    public double this[int site, int eventId] => Values[(long)site * Events + eventId];
}
