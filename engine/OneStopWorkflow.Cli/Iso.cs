using System.Globalization;

namespace OneStopWorkflow.Cli;

internal static class Iso
{
    public static string Format(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
