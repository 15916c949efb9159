using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace OneStopWorkflow.Testing;

/// <summary>
/// A real SMTP server for one test: Debian's aiosmtpd (<c>/usr/bin/python3 -m aiosmtpd</c>, package
/// python3-aiosmtpd, which tests/run installs when missing) on a free loopback port, storing every mail it accepts in
/// a Maildir in the temp folder (its Mailbox handler writes the file before it answers 250). Stopped and removed
/// when the test ends.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";

    private readonly Process _process;

    private SmtpServer(Process process, int port, string maildir) =>
        (_process, Port, Maildir) = (process, port, maildir);

    public const string Host = "127.0.0.1";

    private static readonly string[] MaildirFolders = ["new", "cur"];

    public int Port { get; }

    /// <summary>The Maildir the server writes to (mails land in its <c>new/</c> folder).</summary>
    public string Maildir { get; }

    /// <summary>
    /// Starts a server (on <paramref name="port"/>, else a free one) and waits until it takes connections.
    /// </summary>
    public static async Task<SmtpServer> StartAsync(int? port = null)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException(
                $"{Python} is missing: install Debian's python3 and python3-aiosmtpd (tests/run does).");
        }

        var maildir = Path.Combine(Path.GetTempPath(), "onestop-tests", $"maildir-{Guid.NewGuid():N}");
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, folder));
        }
        port ??= FreePort();
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir,
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var error = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => error.AppendLine(e.Data);
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new SmtpServer(process, port.Value, maildir);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"aiosmtpd exited ({process.ExitCode}); is python3-aiosmtpd installed? {error}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port.Value);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        await server.DisposeAsync();
        throw new TimeoutException($"aiosmtpd did not listen on 127.0.0.1:{port} within 20 s. {error}");
    }

    /// <summary>Every mail the server stored so far, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        [.. MaildirFolders.Select(f => Path.Combine(Maildir, f)).Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Order(StringComparer.Ordinal)
            .Select(file => MimeMessage.Load(file))];

    /// <summary>How many mails the server stored so far (files in the Maildir, none parsed).</summary>
    public int Count() => MaildirFolders.Select(f => Path.Combine(Maildir, f)).Where(Directory.Exists)
        .Sum(f => Directory.EnumerateFiles(f).Count());

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Maildir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the stopped server: the temp folder is cleaned by the system.
        }
    }
}
