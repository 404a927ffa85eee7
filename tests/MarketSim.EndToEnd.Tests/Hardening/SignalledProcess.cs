using System.Diagnostics;
using System.Text;

namespace MarketSim.EndToEnd.Tests.Hardening;

/// <summary>
/// A real <c>marketsim</c> process that the test stops with a real signal (<c>kill -s INT|TERM</c>)
/// once it has printed a line showing that ticks are running.
/// </summary>
internal sealed class SignalledProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SignalledProcess(IEnumerable<string> args, Func<string, bool> ready)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Repository.BuiltAssembly("client", "marketsim.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(e.Data);
            }

            if (ready(e.Data))
            {
                _ready.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_error)
            {
                _error.AppendLine(e.Data);
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts marketsim with <paramref name="args"/>; <paramref name="ready"/> says which output line means it is running ticks.</summary>
    public static SignalledProcess Start(IEnumerable<string> args, Func<string, bool> ready) => new(args, ready);

    /// <summary>Waits for the ready line (failing if the process ends first), sends <paramref name="signal"/>, and waits for the exit code.</summary>
    public async Task<int> SignalWhenReadyAsync(string signal)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var exited = _process.WaitForExitAsync(limit.Token);
        if (await Task.WhenAny(_ready.Task, exited) != _ready.Task)
        {
            throw new InvalidOperationException($"marketsim ended (exit {_process.ExitCode}) before it was running ticks:\n{Output}\n{Error}");
        }

        using (var kill = Process.Start("kill", ["-s", signal, _process.Id.ToString()]))
        {
            await kill.WaitForExitAsync(limit.Token);
        }

        await _process.WaitForExitAsync(limit.Token);

        // The asynchronous readers have all lines once WaitForExit returns with no timeout.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
