using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Stations;

/// <summary>Reads any supported station file into a <see cref="StationSet"/>, choosing the reader by extension.</summary>
public static class StationFileReader
{
    /// <summary>
    /// <c>.csv</c>: OpenQuake station list (Vs30 from <paramref name="siteModel"/>, else a VS30 column);
    /// <c>.json</c>/<c>.geojson</c>: ShakeMap stationlist.json; <c>.xml</c>: ShakeMap XML station list.
    /// </summary>
    public static StationSetReadResult Read(string path, StationSiteModel? siteModel = null, double? intensityDerivedLnSigma = null)
    {
        if (!File.Exists(path)) throw new QuakeGridInputException(path, null, null, "station file not found");
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".csv" => OpenQuakeStationCsvReader.Read(path, siteModel),
            ".json" or ".geojson" => ShakeMapJsonStationReader.Read(path),
            ".xml" => ShakeMapXmlStationReader.Read(path, intensityDerivedLnSigma),
            _ => throw new QuakeGridInputException(path, null, null, $"unknown station file type '{ext}' (expected .csv, .json or .xml)"),
        };
    }
}
