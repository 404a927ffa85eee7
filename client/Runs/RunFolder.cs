using System.Security.Cryptography;
using MarketSim.Client.Cli;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Client.Runs;

/// <summary>
/// A run's id and its folder under <c>--out</c>, claimed before the first tick: the output folder is
/// created and written to (so an unwritable one fails now, not after the run), and the run folder is
/// new — a run never writes into another's.
/// </summary>
public static class RunFolder
{
    /// <summary>Marks a folder as taken by a run until its trace is written; created exclusively, so two processes cannot both take one.</summary>
    public const string ClaimFileName = ".claimed";

    /// <summary>
    /// A fresh run id — <c>name-seedN-yyyyMMdd-HHmmssfff-xxxxxx</c>: the name made safe for a folder, a
    /// sortable UTC time to the millisecond and six random hex digits — and its claimed folder under
    /// <paramref name="outputFolder"/>.
    /// </summary>
    /// <exception cref="InputException">The output folder cannot be created or written to.</exception>
    public static (string RunId, string Folder) Claim(Scenario scenario, string outputFolder)
    {
        RequireWritable(outputFolder);
        try
        {
            while (true)
            {
                var runId = $"{ScenarioName.ForFileSystem(scenario.Name)}-seed{scenario.Seed}-{DateTime.UtcNow:yyyyMMdd-HHmmssfff}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
                var folder = Path.Combine(outputFolder, runId);
                if (Directory.Exists(folder))
                {
                    continue;
                }

                Directory.CreateDirectory(folder);
                try
                {
                    // Also the write probe: the trace will go where this file could go.
                    using var claim = new FileStream(Path.Combine(folder, ClaimFileName), FileMode.CreateNew, FileAccess.Write);
                    claim.WriteByte((byte)'\n');
                }
                catch (IOException) when (File.Exists(Path.Combine(folder, ClaimFileName)))
                {
                    continue;
                }

                return (runId, folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException([$"--out: cannot write to '{outputFolder}': {e.Message}"]);
        }
    }

    /// <summary>Creates <paramref name="outputFolder"/> and writes a file into it, so that an unwritable one fails before any run.</summary>
    /// <exception cref="InputException">It cannot be created or written to.</exception>
    public static void RequireWritable(string outputFolder)
    {
        if (string.IsNullOrWhiteSpace(outputFolder))
        {
            throw new InputException(["--out: must name a folder, got an empty value"]);
        }

        var probe = Path.Combine(outputFolder, $".probe-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(outputFolder);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException([$"--out: cannot write to '{outputFolder}': {e.Message}"]);
        }
    }

    /// <summary>The trace is written: the folder no longer needs its claim.</summary>
    public static void Release(string folder) => File.Delete(Path.Combine(folder, ClaimFileName));
}
