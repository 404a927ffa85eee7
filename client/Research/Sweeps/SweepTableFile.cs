using MarketSim.Engine.Sweeps;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Research.Sweeps;

/// <summary>
/// The sweep table on disk, rewritten whole (under a temporary name, then renamed) each time runs are
/// added, so an interrupted sweep still has a table of every run it finished. Safe to add to from
/// concurrent runs: writes take turns.
/// </summary>
internal sealed class SweepTableFile(string sweepFolder, SweepGrid grid, TraceFormat format) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly List<SweepRow> _rows = [];

    public string Path { get; } = System.IO.Path.Combine(sweepFolder, SweepTableWriter.FileName(format));

    /// <summary>The rows so far, in the order they were added.</summary>
    public IReadOnlyList<SweepRow> Rows
    {
        get
        {
            lock (_rows)
            {
                return [.. _rows];
            }
        }
    }

    public async Task AddAsync(IEnumerable<SweepRow> rows)
    {
        await _turn.WaitAsync();
        try
        {
            lock (_rows)
            {
                _rows.AddRange(rows);
            }

            await SweepTableWriter.WriteAsync(sweepFolder, grid, Rows, format, CancellationToken.None);
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
