namespace MarketSim.EndToEnd.Tests;

/// <summary>Runs the real <c>marketsim</c> console, built next to the client project, as a child process.</summary>
internal static class MarketSimProcess
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        ChildProcess.RunAsync("dotnet", [Repository.BuiltAssembly("client", "marketsim.dll"), .. args]);
}
