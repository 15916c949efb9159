using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Data.Sqlite;
using Npgsql;
using OneStopWorkflow.Designer.Api;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Designer.Operations;

/// <summary>
/// The database could not do its part: PostgreSQL stopped, restarting or out of connections, SQLite busy or its
/// disk full. Each command is one transaction, so nothing of the request was written; the caller is told so with
/// 503, <c>Retry-After</c> and a ProblemDetails in their language (<c>store-unavailable</c>, <c>store-full</c>), never
/// a 500, and the app carries on by itself once the database answers again. People are sent to the status page.
/// </summary>
internal sealed class StoreUnavailableHandler : IExceptionHandler
{
    /// <summary>A restarting server is usually back within seconds; a full disk needs an operator.</summary>
    private static readonly TimeSpan UnavailableRetry = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan FullRetry = TimeSpan.FromSeconds(60);

    // SQLite's primary result codes (sqlite.org/rescode.html).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;

    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Classify(exception) is not { } code || httpContext.Response.HasStarted)
        {
            return false;
        }

        var retry = code == RejectionCodes.StoreFull ? FullRetry : UnavailableRetry;
        if (Callers.WantPage(httpContext.Request))
        {
            httpContext.Response.Redirect("/status/503");
            return true;
        }

        if (httpContext.Features.Get<IRequestCultureFeature>() is { } culture)
        {
            CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
        }

        var seconds = (long)retry.TotalSeconds;
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiResults.Problem([Rejection.Of(code).With("seconds", seconds)], StatusCodes.Status503ServiceUnavailable)
            .ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>
    /// The refusal code when <paramref name="exception"/>, or one it wraps (EF wraps the provider's), says that the
    /// database is out of reach or out of room; null for anything else, which stays a 500 and a bug.
    /// </summary>
    public static string? Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteFull }:
                    return RejectionCodes.StoreFull;
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteIoError }:
                    return RejectionCodes.StoreUnavailable;
                case PostgresException { SqlState: "53100" }:
                    return RejectionCodes.StoreFull;
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" } or PostgresException
                    { SqlState: ['0', '8', ..] }:
                    // The server is shutting down, restarting, or the connection broke.
                    return RejectionCodes.StoreUnavailable;
                case NpgsqlException { IsTransient: true }:
                    return RejectionCodes.StoreUnavailable;
            }
        }

        return null;
    }
}
