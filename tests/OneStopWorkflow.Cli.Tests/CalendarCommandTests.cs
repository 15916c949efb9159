namespace OneStopWorkflow.Cli.Tests;

public sealed class CalendarCommandTests
{
    /// <summary>
    /// Received on Friday 13/02/2026 after hours, before the Tết break: one working day is Monday 23/02's close,
    /// not Tuesday's opening.
    /// </summary>
    [Fact]
    public async Task A_working_day_that_ends_at_an_opening_is_due_at_the_close_before_it()
    {
        var (exit, output, error) = await Onestop.RunAsync(new Dictionary<string, string>(),
            "calendar", "due", "--from", "2026-02-13T18:00:00+07:00", "--working-days", "1");

        Assert.Equal((0, ""), (exit, error.Trim()));
        Assert.Equal("2026-02-23T17:00:00+07:00", output.Trim());
    }
}
