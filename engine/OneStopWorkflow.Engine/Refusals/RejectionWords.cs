using System.Globalization;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Refusals;

/// <summary>Values that refusals name, written as each language writes them.</summary>
public static class RejectionWords
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static LocalizedText Outcome(Outcome? outcome) => outcome switch
    {
        Definitions.Outcome.Resolved => new LocalizedText("đã trả kết quả", "Resolved"),
        Definitions.Outcome.Refused => new LocalizedText("từ chối giải quyết", "Refused"),
        Definitions.Outcome.Withdrawn => new LocalizedText("đã rút hồ sơ", "Withdrawn"),
        _ => new LocalizedText("", ""),
    };

    /// <summary>An amount of working time: "3 ngày làm việc" / "3 working days".</summary>
    public static LocalizedText Duration(WorkingDuration duration)
    {
        var (vi, en) = (duration.Amount.ToString(Vietnamese), duration.Amount.ToString(CultureInfo.InvariantCulture));
        return duration.Unit == DurationUnit.WorkingDays
            ? new($"{vi} ngày làm việc", $"{en} working days")
            : new($"{vi} giờ làm việc", $"{en} working hours");
    }

    /// <summary>A local instant: 05/03/2026 16:30 in Vietnamese, 2026-03-05 16:30 in English.</summary>
    public static LocalizedText Instant(DateTimeOffset local) => new(
        local.ToString("dd/MM/yyyy HH:mm", Vietnamese),
        local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    /// <summary>A day: 05/03/2026 in Vietnamese, 2026-03-05 in English.</summary>
    public static LocalizedText Date(DateOnly day) => new(
        day.ToString("dd/MM/yyyy", Vietnamese), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
