namespace MarketSim.Silo.Configuration;

/// <summary>
/// A setting is missing or wrong. The message is one line that starts with the setting's
/// configuration path, so it points at the fix whether the value came from a file, an
/// environment variable (<c>Orleans__Clustering__ProviderType</c>) or the command line.
/// </summary>
public sealed class InvalidSettingException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
}
