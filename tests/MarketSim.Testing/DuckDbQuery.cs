using System.Globalization;
using DuckDB.NET.Data;

namespace MarketSim.Testing;

/// <summary>SQL scalars and columns from an in-memory DuckDB, which reads the Parquet and CSV files of a trace or sweep directly.</summary>
public static class DuckDbQuery
{
    /// <summary>The value as DuckDB returns it (a long for a count, a string for text).</summary>
    public static object Value(string sql) => Run(sql, command => command.ExecuteScalar()!);

    /// <summary>The value as a number; NaN for SQL NULL.</summary>
    public static double Scalar(string sql) => Convert.ToDouble(Value(sql) ?? double.NaN, CultureInfo.InvariantCulture);

    /// <summary>The first column of every row, as numbers in the query's order; NaN for SQL NULL.</summary>
    public static double[] Column(string sql) => Run(sql, command =>
    {
        using var reader = command.ExecuteReader();
        var values = new List<double>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? double.NaN : Convert.ToDouble(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return values.ToArray();
    });

    private static T Run<T>(string sql, Func<DuckDBCommand, T> read)
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return read(command);
    }
}
