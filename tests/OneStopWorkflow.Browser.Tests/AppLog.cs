using System.Text;
using Microsoft.Extensions.Logging;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>The app's log lines, kept in memory so a failing browser test can show what the server said.</summary>
internal sealed class AppLog : ILoggerProvider
{
    private readonly StringBuilder _text = new();

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Append(string line)
    {
        lock (_text)
        {
            _text.AppendLine(line);
        }
    }

    private sealed class Logger(AppLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            log.Append($"{logLevel}: {category}[{eventId.Id}] {formatter(state, exception)}");
            if (exception is not null)
            {
                log.Append(exception.ToString());
            }
        }
    }
}
