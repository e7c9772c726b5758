using QuakeGrid.Core.Validation;

namespace QuakeGrid.Contracts.Errors;

/// <summary>
/// Wire form of Core's <see cref="QuakeGridInputException"/> (Core has no Orleans reference), so a bad-input error
/// thrown in a grain reaches the caller as the same exception type with its source, record, field and problem.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.InputError")]
public readonly struct QuakeGridInputExceptionSurrogate
{
    [Id(0)] public string Source { get; init; }
    [Id(1)] public string? Record { get; init; }
    [Id(2)] public string? Field { get; init; }
    [Id(3)] public string Problem { get; init; }
}

/// <summary>Converts <see cref="QuakeGridInputException"/> to and from its wire form.</summary>
[RegisterConverter]
public sealed class QuakeGridInputExceptionConverter : IConverter<QuakeGridInputException, QuakeGridInputExceptionSurrogate>
{
    /// <inheritdoc />
    public QuakeGridInputException ConvertFromSurrogate(in QuakeGridInputExceptionSurrogate surrogate) =>
        new(surrogate.Source, surrogate.Record, surrogate.Field, surrogate.Problem);

    /// <inheritdoc />
    public QuakeGridInputExceptionSurrogate ConvertToSurrogate(in QuakeGridInputException value) =>
        new() { Source = value.Source, Record = value.Record, Field = value.Field, Problem = value.Problem };
}
