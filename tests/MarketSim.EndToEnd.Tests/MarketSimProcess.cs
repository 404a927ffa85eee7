using System.Diagnostics;

namespace MarketSim.EndToEnd.Tests;

/// <summary>Runs the real <c>marketsim</c> console, built next to the client project, as a child process.</summary>
internal static class MarketSimProcess
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(ClientAssembly());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static string ClientAssembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/<Configuration>/<tfm>/
        var path = Path.Combine(RepositoryRoot, "client", "bin", configuration, "net10.0", "marketsim.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build the client first", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MarketSim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("MarketSim.sln not found above the test assembly");
    }
}
