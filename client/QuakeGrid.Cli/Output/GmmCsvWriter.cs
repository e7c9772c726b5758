using System.Globalization;
using CsvHelper;
using QuakeGrid.Cli.Input;
using QuakeGrid.Core.Gmm;

namespace QuakeGrid.Cli.Output;

/// <summary>
/// Output of <c>quakegrid gmm</c>: the input columns verbatim, then per IMT <c>&lt;IMT&gt;:median</c> (g; cm/s for PGV),
/// <c>&lt;IMT&gt;:tau</c>, <c>&lt;IMT&gt;:phi</c>, <c>&lt;IMT&gt;:sigma</c> (ln units), with the IMT spelled as on the command line.
/// </summary>
public static class GmmCsvWriter
{
    public static void Write(TextWriter writer, GmmInputTable input, IReadOnlyList<NamedImt> imts, GmmResult result)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var h in input.Header) csv.WriteField(h);
        foreach (var imt in imts)
            foreach (var suffix in ResultColumns.Suffixes)
                csv.WriteField(imt.Label + ":" + suffix);
        csv.NextRecord();
        for (var i = 0; i < input.Count; i++)
        {
            foreach (var field in input.RawRows[i]) csv.WriteField(field);
            for (var k = 0; k < imts.Count; k++)
                ResultColumns.WriteValues(csv, result, k, i);
            csv.NextRecord();
        }
    }
}
