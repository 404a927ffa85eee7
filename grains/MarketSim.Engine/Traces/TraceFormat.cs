namespace MarketSim.Engine.Traces;

/// <summary>The file format of a run's tables.</summary>
public enum TraceFormat
{
    /// <summary>Apache Parquet, one file per table: typed, compressed, what the tools read.</summary>
    Parquet,

    /// <summary>CSV with a header row, one file per table: for eyes and spreadsheets.</summary>
    Csv,
}
