using System.Diagnostics;
using System.Text;

namespace Dashboard.TestSupport;

/// <summary>
/// A program the tests start (influxd, haproxy, the app): its output captured up to a bound for
/// failure messages, killed with its children on stop.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly int _outputLimit;

    private ChildProcess(Process process, int outputLimit)
    {
        _process = process;
        _outputLimit = outputLimit;
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Standard output and error, interleaved, up to the limit given at start.</summary>
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

    public static ChildProcess Start(ProcessStartInfo startInfo, int outputLimit = 64_000)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"{startInfo.FileName} did not start.");
        var child = new ChildProcess(process, outputLimit);
        process.OutputDataReceived += (_, e) => child.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => child.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the program to exit by itself; its output is drained when this returns.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Kills the program and its children (as a crash would) and waits until they are gone.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    /// <summary>
    /// Polls <paramref name="isReady"/> (an HTTP probe: connection failures and timeouts count as
    /// "not yet") until it says yes; false when the program exits or <paramref name="within"/> passes.
    /// </summary>
    public async Task<bool> WaitUntilAsync(Func<CancellationToken, Task<bool>> isReady, TimeSpan within, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && !HasExited)
        {
            try
            {
                if (await isReady(cancellationToken))
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }

    /// <summary>Deletes a test's temporary folder; a leftover is harmless, the next run uses a new one.</summary>
    public static void DeleteFolder(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < _outputLimit)
            {
                _output.AppendLine(line);
            }
        }
    }
}
