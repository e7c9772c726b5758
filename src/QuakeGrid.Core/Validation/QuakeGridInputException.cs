namespace QuakeGrid.Core.Validation;

/// <summary>
/// A bad input: names the source (file or request), the record (row, id) and the field so the user can fix it.
/// Thrown before anything is written, so no partial output or state change follows a bad input.
/// </summary>
public sealed class QuakeGridInputException : Exception
{
    public QuakeGridInputException(string source, string? record, string? field, string problem, Exception? inner = null)
        : base(Format(source, record, field, problem), inner)
    {
        Source = source;
        Record = record;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file path or request name.</summary>
    public new string Source { get; }

    /// <summary>The record, e.g. "row 12" or "station ABC"; null when the whole source is bad.</summary>
    public string? Record { get; }

    /// <summary>The column, attribute or key; null when not applicable.</summary>
    public string? Field { get; }

    /// <summary>What is wrong, in words.</summary>
    public string Problem { get; }

    private static string Format(string source, string? record, string? field, string problem)
    {
        var where = source;
        if (record is not null) where += $", {record}";
        if (field is not null) where += $", field '{field}'";
        return $"{where}: {problem}";
    }
}
