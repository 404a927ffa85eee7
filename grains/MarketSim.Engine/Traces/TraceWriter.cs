using System.Text.Json;

namespace MarketSim.Engine.Traces;

/// <summary>
/// Writes a run folder while the run goes on: each tick's rows are appended to the tables as they arrive
/// (<see cref="TraceTableWriter{TRow}"/>: Parquet row groups or CSV lines, and the trace hash's encoding, all on
/// disk), so a run of any length is written in bounded memory; <see cref="CompleteAsync"/> then writes
/// <c>summary.json</c> and <c>manifest.json</c>. Every file is written under a temporary name and renamed into
/// place once complete, the manifest last, so a folder with a manifest always holds a complete, matching trace.
/// The manifest of a run stopped early (<see cref="RunManifest.Complete"/> false) goes to
/// <see cref="IncompleteManifestFileName"/> instead. Disposed without completing, it leaves nothing behind.
/// </summary>
public sealed class TraceWriter : IAsyncDisposable
{
    public const string SummaryFileName = "summary.json";
    public const string ManifestFileName = "manifest.json";

    /// <summary>The manifest of a trace that stops before the scenario's last tick: no reader of complete traces looks for it.</summary>
    public const string IncompleteManifestFileName = "incomplete.json";

    private readonly StagedFiles _files;
    private readonly TraceTableWriter<MarketRow> _market;
    private readonly TraceTableWriter<LiquidationRow> _liquidations;
    private readonly TraceTableWriter<FlowRow> _flows;
    private readonly TraceTableWriter<CostBasisRow> _costBasis;
    private readonly TraceTableWriter<ResonanceRow> _resonance;
    private readonly TraceTableWriter<TriggerRow> _triggers;
    private readonly TraceTableWriter<RestingLevelRow> _restingLevels;

    private TraceWriter(
        StagedFiles files,
        TraceTableWriter<MarketRow> market,
        TraceTableWriter<LiquidationRow> liquidations,
        TraceTableWriter<FlowRow> flows,
        TraceTableWriter<CostBasisRow> costBasis,
        TraceTableWriter<ResonanceRow> resonance,
        TraceTableWriter<TriggerRow> triggers,
        TraceTableWriter<RestingLevelRow> restingLevels)
    {
        _files = files;
        _market = market;
        _liquidations = liquidations;
        _flows = flows;
        _costBasis = costBasis;
        _resonance = resonance;
        _triggers = triggers;
        _restingLevels = restingLevels;
    }

    /// <summary>Where <paramref name="manifest"/> is written: <see cref="ManifestFileName"/> only for a complete run.</summary>
    public static string ManifestFileNameOf(RunManifest manifest) => manifest.Complete ? ManifestFileName : IncompleteManifestFileName;

    /// <summary>
    /// Starts a trace in <paramref name="runDirectory"/>, creating it if needed. A manifest already there, complete
    /// or not, is deleted first: it would vouch for files that are about to be replaced.
    /// </summary>
    public static Task<TraceWriter> CreateAsync(string runDirectory, TraceFormat format, CancellationToken ct) =>
        CreateAsync(runDirectory, format, TraceTableWriter.RowGroupRows, ct);

    /// <summary>As <see cref="CreateAsync(string, TraceFormat, CancellationToken)"/>, with Parquet row groups of <paramref name="rowGroupRows"/> rows.</summary>
    internal static async Task<TraceWriter> CreateAsync(string runDirectory, TraceFormat format, int rowGroupRows, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        ct.ThrowIfCancellationRequested();
        Directory.CreateDirectory(runDirectory);
        File.Delete(Path.Combine(runDirectory, ManifestFileName));
        File.Delete(Path.Combine(runDirectory, IncompleteManifestFileName));

        var files = new StagedFiles(runDirectory);
        try
        {
            return new TraceWriter(
                files,
                await TraceTableWriter<MarketRow>.OpenAsync(files, TraceTables.Market, format, rowGroupRows, ct),
                await TraceTableWriter<LiquidationRow>.OpenAsync(files, TraceTables.Liquidations, format, rowGroupRows, ct),
                await TraceTableWriter<FlowRow>.OpenAsync(files, TraceTables.Flows, format, rowGroupRows, ct),
                await TraceTableWriter<CostBasisRow>.OpenAsync(files, TraceTables.CostBasis, format, rowGroupRows, ct),
                await TraceTableWriter<ResonanceRow>.OpenAsync(files, TraceTables.Resonance, format, rowGroupRows, ct),
                await TraceTableWriter<TriggerRow>.OpenAsync(files, TraceTables.Triggers, format, rowGroupRows, ct),
                await TraceTableWriter<RestingLevelRow>.OpenAsync(files, TraceTables.RestingLevels, format, rowGroupRows, ct));
        }
        catch
        {
            files.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes a whole <paramref name="trace"/> to <paramref name="runDirectory"/> and returns the names of the files
    /// written, manifest last; what a caller that already holds every row does.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        string runDirectory,
        Trace trace,
        RunManifest manifest,
        RunSummary summary,
        TraceFormat format,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(trace);
        await using var writer = await CreateAsync(runDirectory, format, ct);

        // Each table as one batch: sorted whole for the hash, in any row order the trace holds.
        await writer.AddAsync(trace.Market, trace.Liquidations, trace.Flows, trace.CostBasis, trace.Resonance, trace.Triggers, trace.RestingLevels, ct);
        return (await writer.CompleteAsync(manifest, summary, ct)).Files;
    }

    /// <summary>Appends one tick's rows; ticks must come in order.</summary>
    /// <exception cref="InvalidOperationException">The tick's rows sort before rows already written.</exception>
    public Task AddAsync(TickRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        return AddAsync(record.Market, record.Liquidations, record.Flows, record.CostBasis, record.Resonance, record.Triggers, record.RestingLevels, ct);
    }

    /// <summary>
    /// Completes the tables, then writes the summary and the manifest with the trace hash and the file list set from
    /// what was written, renames everything into place and returns them as written. On failure or cancellation the
    /// temporary files are deleted and no manifest is left behind.
    /// </summary>
    public async Task<WrittenTrace> CompleteAsync(RunManifest manifest, RunSummary summary, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(summary);
        ct.ThrowIfCancellationRequested();

        foreach (var table in Tables)
        {
            await table.CompleteAsync(ct);
        }

        var traceHash = Hash();
        string[] tableFiles = [.. Tables.Select(table => table.FileName)];
        var written = new WrittenTrace(manifest with { TraceHash = traceHash, Files = tableFiles }, summary with { TraceHash = traceHash }, []);
        await WriteJsonAsync(SummaryFileName, written.Summary, ct);
        await WriteJsonAsync(ManifestFileNameOf(manifest), written.Manifest, ct);

        // The tables' streams must be closed before they are renamed.
        await DisposeTablesAsync();

        // Renaming is quick and all-or-nothing per file; cancelling halfway through would only leave a mixed folder.
        ct.ThrowIfCancellationRequested();
        return written with { Files = _files.Commit() };
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeTablesAsync();
        _files.Dispose();
    }

    /// <summary>The file name of a table in a format, e.g. <c>market.parquet</c>.</summary>
    internal static string TableFileName(string table, TraceFormat format) => format switch
    {
        TraceFormat.Parquet => $"{table}.parquet",
        TraceFormat.Csv => $"{table}.csv",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown trace format."),
    };

    /// <summary>Stages one table that is written whole (a sweep's) in <paramref name="format"/>; returns its file name.</summary>
    internal static async Task<string> WriteTableAsync<TRow>(
        StagedFiles files,
        TraceTable<TRow> table,
        IReadOnlyList<TRow> rows,
        TraceFormat format,
        CancellationToken ct)
    {
        await using var writer = await TraceTableWriter<TRow>.OpenAsync(files, table, format, TraceTableWriter.RowGroupRows, ct);
        await writer.AddAsync(rows, ct);
        await writer.CompleteAsync(ct);
        return writer.FileName;
    }

    /// <summary>The tables in the order the manifest lists them.</summary>
    private TraceTableWriter[] Tables => [_market, _liquidations, _flows, _costBasis, _resonance, _triggers, _restingLevels];

    private static void AppendIfAny(CanonicalHashWriter hash, TraceTableWriter table)
    {
        if (table.Count > 0)
        {
            table.AppendTo(hash);
        }
    }

    private async ValueTask DisposeTablesAsync()
    {
        foreach (var table in Tables)
        {
            await table.DisposeAsync();
        }
    }

    private async Task AddAsync(
        IReadOnlyList<MarketRow> market,
        IReadOnlyList<LiquidationRow> liquidations,
        IReadOnlyList<FlowRow> flows,
        IReadOnlyList<CostBasisRow> costBasis,
        IReadOnlyList<ResonanceRow> resonance,
        IReadOnlyList<TriggerRow> triggers,
        IReadOnlyList<RestingLevelRow> restingLevels,
        CancellationToken ct)
    {
        await _market.AddAsync(market, ct);
        await _liquidations.AddAsync(liquidations, ct);
        await _flows.AddAsync(flows, ct);
        await _costBasis.AddAsync(costBasis, ct);
        await _resonance.AddAsync(resonance, ct);
        await _triggers.AddAsync(triggers, ct);
        await _restingLevels.AddAsync(restingLevels, ct);
    }

    /// <summary>The trace hash, as <see cref="TraceHasher.Hash"/> computes it from the same rows.</summary>
    private string Hash()
    {
        using var hash = new CanonicalHashWriter();
        _market.AppendTo(hash);
        _liquidations.AppendTo(hash);
        _flows.AppendTo(hash);

        // Tables added later count only when they have rows, so traces written before they existed keep their hash.
        AppendIfAny(hash, _costBasis);
        AppendIfAny(hash, _resonance);
        AppendIfAny(hash, _triggers);
        AppendIfAny(hash, _restingLevels);
        return hash.Finish();
    }

    private Task WriteJsonAsync<T>(string fileName, T value, CancellationToken ct) =>
        _files.WriteAsync(fileName, (stream, token) => JsonSerializer.SerializeAsync(stream, value, TraceJson.Options, token), ct);
}
