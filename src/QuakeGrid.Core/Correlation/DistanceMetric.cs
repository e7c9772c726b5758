namespace QuakeGrid.Core.Correlation;

/// <summary>How a distance-based kernel measures the separation h between two sites.</summary>
public enum DistanceMetric
{
    /// <summary>Great-circle distance on a sphere of radius 6371 km from longitude/latitude (OpenQuake's choice for JB2009/HM2018).</summary>
    Geodesic,

    /// <summary>Euclidean distance between the planar coordinates <see cref="CorrelationSites.X"/>/<see cref="CorrelationSites.Y"/>, km.</summary>
    Planar,
}
