using QuakeGrid.Cli.Output;

namespace QuakeGrid.Cli.Fields;

/// <summary>Writes <see cref="GmfFields"/> as CSV: <c>site_id,lon,lat,ev0,ev1,...</c>, one row per site, round-trip numbers.</summary>
public static class GmfCsvWriter
{
    public static void Write(TextWriter w, GmfFields f)
    {
        w.Write("site_id,lon,lat");
        for (var e = 0; e < f.Events; e++) w.Write($",ev{e}");
        w.Write('\n');
        for (var i = 0; i < f.Sites; i++)
        {
            w.Write(f.SiteIds[i]);
            w.Write(',');
            w.Write(NumberFormat.RoundTrip(f.Lon[i]));
            w.Write(',');
            w.Write(NumberFormat.RoundTrip(f.Lat[i]));
            var row = (long)i * f.Events;
            for (var e = 0; e < f.Events; e++)
            {
                w.Write(',');
                w.Write(NumberFormat.RoundTrip(f.Values[row + e]));
            }
            w.Write('\n');
        }
    }
}
