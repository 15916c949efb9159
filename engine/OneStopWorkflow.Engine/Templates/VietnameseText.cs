using System.Globalization;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Templates;

/// <summary>
/// Dates, times and amounts as Vietnamese administrative documents write them (Decree 30/2020: days below 10 and
/// the months January and February take a leading zero).
/// </summary>
public static class VietnameseText
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"ngày 07 tháng 7 năm 2025"; "ngày 02 tháng 01 năm 2026".</summary>
    public static string Date(DateOnly date) =>
        $"ngày {date.Day:00} tháng "
        + (date.Month <= 2
            ? date.Month.ToString("00", CultureInfo.InvariantCulture)
            : date.Month.ToString(CultureInfo.InvariantCulture))
        + $" năm {date.Year}";

    /// <summary>"10 giờ 30 phút".</summary>
    public static string Time(TimeOnly time) => $"{time.Hour:00} giờ {time.Minute:00} phút";

    /// <summary>
    /// "10 giờ 30 phút, ngày 07 tháng 7 năm 2025", in the local time of <paramref name="instant"/>.
    /// </summary>
    public static string DateTime(DateTimeOffset instant) =>
        $"{Time(TimeOnly.FromDateTime(instant.DateTime))}, {Date(DateOnly.FromDateTime(instant.DateTime))}";

    /// <summary>"07/07/2025".</summary>
    public static string ShortDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"10:30 07/07/2025", for tables.</summary>
    public static string ShortDateTime(DateTimeOffset instant) =>
        instant.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"1.250.000 đồng".</summary>
    public static string Money(decimal amount) => $"{amount.ToString("#,##0", Vietnamese)} đồng";

    /// <summary>"08 ngày làm việc", "04 giờ làm việc", "0,5 ngày làm việc".</summary>
    public static string WorkingDuration(Definitions.WorkingDuration duration)
    {
        var amount = duration.Amount == decimal.Truncate(duration.Amount)
            ? duration.Amount.ToString("00", CultureInfo.InvariantCulture)
            : duration.Amount.ToString("0.##", Vietnamese);
        return $"{amount} {(duration.Unit == Definitions.DurationUnit.WorkingDays ? "ngày" : "giờ")} làm việc";
    }

    /// <summary>The statutory time as papers print it: "08 ngày làm việc", or "Trong ngày làm việc".</summary>
    public static string StatutoryDeadline(Definitions.StatutoryDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.SameDay ? "Trong ngày làm việc" : WorkingDuration(deadline.Duration);
    }

    /// <summary>How a dossier component is submitted: original, certified copy, copy.</summary>
    public static string ComponentForm(string form) => form switch
    {
        "original" => "Bản chính",
        "certified-copy" => "Bản sao chứng thực",
        "copy" => "Bản sao",
        "original-or-certified-copy" => "Bản chính hoặc bản sao chứng thực",
        _ => form,
    };

    /// <summary>
    /// A field's value as a Vietnamese reader writes it: dates dd/MM/yyyy, numbers with a decimal comma and dotted
    /// thousands, yes/no as Có/Không; other values as typed.
    /// </summary>
    public static string FieldValue(FieldDefinition field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == 0 ? "" : field.Type switch
        {
            FieldType.Date when DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var date) => ShortDate(date),
            FieldType.Boolean => value == "true" ? "Có" : "Không",
            FieldType.Choice => field.ChoiceLabel(value).Vi,
            FieldType.Number or FieldType.WholeNumber
                when decimal.TryParse(value, CultureInfo.InvariantCulture, out var number) =>
                number.ToString("#,##0.##", Vietnamese),
            _ => value,
        };
    }
}
