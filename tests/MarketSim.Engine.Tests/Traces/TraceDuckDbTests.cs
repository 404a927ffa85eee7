using DuckDB.NET.Data;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Tests.Traces;

/// <summary>The files are for other tools: DuckDB must read them with the documented names and types.</summary>
public sealed class TraceDuckDbTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public TraceDuckDbTests() => _connection.Open();

    public void Dispose()
    {
        _connection.Dispose();
        _directory.Dispose();
    }

    public static TheoryData<TraceFormat, string, string> TablesAndSummedColumns() => new()
    {
        { TraceFormat.Parquet, "market", "volume" },
        { TraceFormat.Parquet, "liquidations", "stop_notional" },
        { TraceFormat.Parquet, "flows", "net_notional" },
        { TraceFormat.Csv, "market", "volume" },
        { TraceFormat.Csv, "liquidations", "stop_notional" },
        { TraceFormat.Csv, "flows", "net_notional" },
    };

    [Theory]
    [MemberData(nameof(TablesAndSummedColumns))]
    public async Task DuckDb_ReadsEveryRowAndValue(TraceFormat format, string table, string column)
    {
        var trace = SampleTraces.Create();
        var (rowCount, sum) = table switch
        {
            "market" => (trace.Market.Count, trace.Market.Sum(row => row.Volume)),
            "liquidations" => (trace.Liquidations.Count, trace.Liquidations.Sum(row => row.StopNotional)),
            _ => (trace.Flows.Count, trace.Flows.Sum(row => row.NetNotional)),
        };
        var extension = format == TraceFormat.Parquet ? "parquet" : "csv";
        await TraceWriter.WriteAsync(_directory.Path, trace, SampleTraces.Manifest(), SampleTraces.Summary(), format, CancellationToken.None);

        var source = $"'{_directory.File($"{table}.{extension}")}'";
        Assert.Equal(rowCount, Convert.ToInt32(Scalar($"SELECT count(*) FROM {source}")));
        Assert.Equal(sum, Convert.ToDouble(Scalar($"SELECT sum({column})::DOUBLE FROM {source}")));
    }

    [Fact]
    public async Task DuckDb_SeesTheDocumentedColumnsAndTypes()
    {
        await TraceWriter.WriteAsync(_directory.Path, SampleTraces.Create(), SampleTraces.Manifest(), SampleTraces.Summary(), TraceFormat.Parquet, CancellationToken.None);

        Assert.Equal(
            "tick BIGINT, venue VARCHAR, instrument VARCHAR, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE, volume DOUBLE, "
                + "notional DOUBLE, trades BIGINT, best_bid DOUBLE, best_ask DOUBLE, bid_depth DOUBLE, ask_depth DOUBLE, cascade_rounds INTEGER, reserves DOUBLE, premium DOUBLE, realized_volatility DOUBLE, implied_volatility DOUBLE, vol_of_vol DOUBLE, mid DOUBLE, orders BIGINT, cancels BIGINT, stop_triggers BIGINT, taker_net DOUBLE",
            Columns("market"));
        Assert.Equal(
            "tick BIGINT, venue VARCHAR, instrument VARCHAR, cascade_rounds INTEGER, stop_orders BIGINT, stop_volume DOUBLE, stop_notional DOUBLE, "
                + "margin_liquidations BIGINT, margin_volume DOUBLE, margin_notional DOUBLE, insurance_fund DOUBLE, insurance_payout DOUBLE",
            Columns("liquidations"));
        Assert.Equal(
            "tick BIGINT, participant_class VARCHAR, instrument VARCHAR, bought_units DOUBLE, sold_units DOUBLE, net_units DOUBLE, "
                + "bought_notional DOUBLE, sold_notional DOUBLE, net_notional DOUBLE",
            Columns("flows"));
    }

    [Fact]
    public async Task DuckDb_SeesNoNullableColumns()
    {
        await TraceWriter.WriteAsync(_directory.Path, SampleTraces.Create(), SampleTraces.Manifest(), SampleTraces.Summary(), TraceFormat.Parquet, CancellationToken.None);

        foreach (var table in new[] { "market", "liquidations", "flows" })
        {
            var optional = Scalar($"SELECT count(*) FROM parquet_schema('{_directory.File($"{table}.parquet")}') WHERE num_children IS NULL AND repetition_type <> 'REQUIRED'");
            Assert.Equal(0, Convert.ToInt32(optional));
        }
    }

    private string Columns(string table)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{_directory.File($"{table}.parquet")}')";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add($"{reader.GetString(0)} {reader.GetString(1)}");
        }

        return string.Join(", ", columns);
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
