using System.Globalization;
using DuckDB.NET.Data;

namespace MarketSim.EndToEnd.Tests;

/// <summary>One SQL scalar from an in-memory DuckDB, which reads the Parquet files of a trace or sweep directly.</summary>
internal static class DuckDbQuery
{
    public static double Scalar(string sql)
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToDouble(command.ExecuteScalar() ?? double.NaN, CultureInfo.InvariantCulture);
    }
}
