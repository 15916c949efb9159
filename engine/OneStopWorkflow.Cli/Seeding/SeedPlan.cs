using System.Globalization;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Cli.Seeding;

/// <summary>
/// What to seed: the calendar, the receiving units (each as often as its share), the working days, "now" and how many
/// cases; and for case <c>i</c> of the plan, where, when and with which daily number it is received, and what
/// becomes of it.
/// </summary>
internal sealed record SeedPlan(
    WorkingCalendar Calendar, string[] Units, DateOnly[] Days, DateTimeOffset Now, int Count)
{
    /// <summary>How many days after 2 January the seed receives on (the working ones among them).</summary>
    private const int ReceivingDays = 345;

    /// <summary>The last dossier number given per unit and day.</summary>
    public Dictionary<(string Unit, string Day), int> Sequences { get; } = [];

    /// <summary>How case <c>i</c> is received: where, when, with which daily number, id and lookup secret.</summary>
    public sealed record Receipt(string Unit, DateTimeOffset At, int Sequence, CaseId Id, string Secret);

    /// <summary>The communes and wards a seed may receive at: every ordinary one of the directory.</summary>
    public static string[] Receiving(UnitDirectory units) =>
        [.. units.Units.Where(u => u.Level == Jurisdiction.Commune && !u.Remote).Select(u => u.Code)];

    /// <summary>
    /// The working days of <paramref name="year"/> the seed receives on; throws when the calendar lacks the year.
    /// </summary>
    public static DateOnly[] WorkingDays(WorkingCalendar calendar, int year)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return [.. Enumerable.Range(0, ReceivingDays).Select(d => new DateOnly(year, 1, 2).AddDays(d))
            .Where(calendar.IsWorkingDay)];
    }

    /// <summary>
    /// The communes, each as often as its share of dossiers: urban wards receive three times a rural commune's
    /// volume.
    /// </summary>
    public static string[] Weighted(string[] communes) =>
        [.. communes.SelectMany((unit, index) => Enumerable.Repeat(unit, index < 3 ? 3 : index < 6 ? 2 : 1))];

    /// <summary>
    /// What happens to case <paramref name="i"/>: 0–6 late, 7–8 escalated too (land), 9 withdrawn, 99 never
    /// finished.
    /// </summary>
    public static int Kind(int i) => i / 5 % 100;

    /// <summary>
    /// Receives case <paramref name="i"/>: call it once per case, in order, as it takes the day's next number.
    /// </summary>
    public Receipt ReceiptOf(int i)
    {
        var unit = Units[(int)(i * 7919L % Units.Length)];
        var day = Days[(int)((long)i * Days.Length / Count)];
        var received = Calendar.At(day, new TimeOnly(8, 0).AddMinutes(30 * (i % 13)));
        var key = (unit, day.ToString("yyMMdd", CultureInfo.InvariantCulture));
        var sequence = Sequences[key] = Sequences.GetValueOrDefault(key) + 1;
        return new Receipt(unit, received, sequence, new CaseId(Guid.CreateVersion7(received).ToString("N")),
            (i * 2654435761L % 0xFFFFFFFF).ToString("x8", CultureInfo.InvariantCulture));
    }
}
