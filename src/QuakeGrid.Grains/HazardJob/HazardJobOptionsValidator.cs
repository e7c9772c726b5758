using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Grains.HazardJob;

/// <summary>Checks <see cref="HazardJobOptions"/> before any state changes.</summary>
public static class HazardJobOptionsValidator
{
    public const string Source = "hazard job options";

    public static void Validate(HazardJobOptions? options)
    {
        if (options is null) throw new QuakeGridInputException(Source, null, null, "no options were given");
        if (options.TileSize is < 1 or > HazardJobLimits.MaxTileSize)
            throw new QuakeGridInputException(Source, null, "tileSize", $"tile size {options.TileSize} must be between 1 and {HazardJobLimits.MaxTileSize} sites");
        if (options.RupturesPerBatch < 0)
            throw new QuakeGridInputException(Source, null, "rupturesPerBatch", $"{options.RupturesPerBatch} must be 0 (automatic) or positive");
        if (options.MaxConcurrentBatches < 0)
            throw new QuakeGridInputException(Source, null, "maxConcurrentBatches", $"{options.MaxConcurrentBatches} must be 0 (automatic) or positive");
    }
}
