using DuckDB.NET.Data;

namespace MarketSim.Engine.Tests;

/// <summary>One-off DuckDB queries over files, each on its own in-memory database.</summary>
internal static class DuckDb
{
    public static object Scalar(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }
}
