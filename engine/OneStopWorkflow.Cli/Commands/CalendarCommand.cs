using System.CommandLine;
using System.Globalization;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Hosting.Catalog;

namespace OneStopWorkflow.Cli.Commands;

/// <summary><c>onestop calendar due</c>: the due instant of a working duration on a calendar.</summary>
internal static class CalendarCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from")
        {
            Description = "The start instant, ISO-8601 with its offset, e.g. 2026-04-29T10:00:00+07:00.",
            Required = true,
        };
        var days = new Option<decimal?>("--working-days") { Description = "Working days to add (fractions allowed)." };
        var hours = new Option<decimal?>("--working-hours") { Description = "Working hours to add." };
        var calendar = new Option<FileInfo?>("--calendar")
        {
            Description = "Calendar file; default procedures/calendars/vn.json.",
        };
        var due = new Command("due", "Print the due instant of a working duration counted from an instant.")
        {
            from, days, hours, calendar,
        };
        due.SetAction((result, cancellationToken) => DueAsync(
            new DueRequest(
                result.GetValue(from)!, result.GetValue(days), result.GetValue(hours), result.GetValue(calendar)),
            cancellationToken));
        return new Command("calendar", "Working-day calendar arithmetic.") { due };
    }

    private sealed record DueRequest(string From, decimal? Days, decimal? Hours, FileInfo? Calendar);

    private static async Task<int> DueAsync(DueRequest request, CancellationToken cancellationToken)
    {
        if (request.Days is null == request.Hours is null)
        {
            await Console.Error.WriteLineAsync("error: give exactly one of --working-days or --working-hours.");
            return 2;
        }

        if (request.Days < 0 || request.Hours < 0)
        {
            await Console.Error.WriteLineAsync("error: the duration cannot be negative.");
            return 2;
        }

        if (!DateTimeOffset.TryParseExact(request.From, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz", "o"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            await Console.Error.WriteLineAsync(
                $"error: --from '{request.From}' is not an ISO-8601 instant with an offset, "
                + "e.g. 2026-04-29T10:00:00+07:00.");
            return 2;
        }

        var file = request.Calendar?.FullName ?? DefaultCalendar();
        if (file is null || !File.Exists(file))
        {
            await Console.Error.WriteLineAsync(
                $"error: calendar file '{file ?? "procedures/calendars/vn.json"}' not found; pass --calendar <file>.");
            return 2;
        }

        var (workingCalendar, diagnostics) =
            CalendarLoader.Load(await File.ReadAllTextAsync(file, cancellationToken), file);
        foreach (var diagnostic in diagnostics)
        {
            await Console.Error.WriteLineAsync(diagnostic.ToString());
        }

        if (workingCalendar is null)
        {
            return 1;
        }

        try
        {
            var dueAt = request.Days is { } d
                ? workingCalendar.AddWorkingDays(start, d)
                : workingCalendar.AddWorkingHours(start, request.Hours!.Value);
            Console.WriteLine(workingCalendar.Format(dueAt));
            return 0;
        }
        catch (CalendarYearMissingException ex)
        {
            await Console.Error.WriteLineAsync($"error {ex.Message}");
            return 1;
        }
    }

    private static string? DefaultCalendar()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "procedures", "calendars", "vn.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
