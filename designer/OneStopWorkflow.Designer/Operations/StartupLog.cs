namespace OneStopWorkflow.Designer.Operations;

internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "OneStopWorkflow is ready on {Urls} with {Provider} ({Environment}); sign in at /login, "
            + "citizens look up dossiers at /tra-cuu, the API is described at /api/openapi.json.")]
    public static partial void Ready(ILogger logger, ICollection<string> urls, string provider, string environment);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "OneStop:PublicLookupUrl is not set: receipts print {Fallback} and a QR code of it. Set it to the "
            + "public address of this application's lookup page (/tra-cuu) as citizens reach it.")]
    public static partial void NoPublicLookup(ILogger logger, string fallback);
}
