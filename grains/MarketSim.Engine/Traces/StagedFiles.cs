namespace MarketSim.Engine.Traces;

/// <summary>
/// Files written to hidden temporary names in one folder and renamed into place together, so a
/// reader never sees a half-written file. Whatever was staged but not committed is deleted on dispose.
/// </summary>
internal sealed class StagedFiles(string directory) : IDisposable
{
    private const int BufferSize = 1 << 16;

    private readonly List<string> _fileNames = [];

    /// <summary>Writes <paramref name="fileName"/> to its temporary name and flushes it to disk.</summary>
    public async Task WriteAsync(string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        await using var stream = Create(fileName);
        await write(stream, ct);
        await stream.FlushAsync(ct);

        // Without this a crash soon after the rename could leave a renamed file with no content.
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Opens <paramref name="fileName"/> under its temporary name for a writer that keeps it open while it writes; the
    /// writer flushes it to disk and closes it before <see cref="Commit"/>.
    /// </summary>
    public FileStream Create(string fileName)
    {
        var stream = new FileStream(TempPath(fileName), FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
        _fileNames.Add(fileName);
        return stream;
    }

    /// <summary>A hidden path in the folder for a scratch file that is never committed (its owner deletes it).</summary>
    public string TemporaryPath(string name) => TempPath(name);

    /// <summary>Renames the staged files into place in the order they were staged, and returns their names.</summary>
    public IReadOnlyList<string> Commit()
    {
        foreach (var fileName in _fileNames)
        {
            File.Move(TempPath(fileName), Path.Combine(directory, fileName), overwrite: true);
        }

        return [.. _fileNames];
    }

    public void Dispose()
    {
        // Committed files no longer have a temporary name, and File.Delete ignores missing files.
        foreach (var fileName in _fileNames)
        {
            File.Delete(TempPath(fileName));
        }
    }

    private string TempPath(string fileName) => Path.Combine(directory, $".{fileName}.tmp");
}
