namespace MarketSim.Testing;

/// <summary>A fresh folder under the system's temporary folder, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "marketsim-tests", Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>The path of <paramref name="name"/> in this folder (nothing is written).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="content"/> to <paramref name="name"/> in this folder and returns its path.</summary>
    public string File(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Names of the files, not folders, anywhere under this folder.</summary>
    public string[] FileNames() =>
        [.. Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Select(file => System.IO.Path.GetRelativePath(Path, file))];

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
