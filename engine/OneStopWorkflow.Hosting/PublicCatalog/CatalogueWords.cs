using System.Globalization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Hosting.PublicCatalog;

/// <summary>
/// The catalogue's facts in words, Vietnamese and English: levels, working time with a decimal comma, amounts in
/// đồng, a paper's form, a field's kind of answer.
/// </summary>
public static class CatalogueWords
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static LocalizedText Level(Jurisdiction level) => level switch
    {
        Jurisdiction.Province => new("Cấp tỉnh", "Province level"),
        _ => new("Cấp xã", "Commune level"),
    };

    /// <summary>"8 ngày làm việc", "0,5 ngày làm việc", "4 giờ làm việc", "Trong ngày làm việc".</summary>
    public static LocalizedText Time(StatutoryDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        if (deadline.SameDay)
        {
            return new("Trong ngày làm việc", "Within the same working day");
        }

        var (amount, days) = (deadline.Duration.Amount, deadline.Duration.Unit == DurationUnit.WorkingDays);
        var vi = amount.ToString("0.##", Vietnamese);
        var en = amount.ToString("0.##", English);
        return days
            ? new($"{vi} ngày làm việc", $"{en} working day{(amount == 1 ? "" : "s")}")
            : new($"{vi} giờ làm việc", $"{en} working hour{(amount == 1 ? "" : "s")}");
    }

    /// <summary>"30.000 đ" and "30,000 VND"; "Miễn phí" / "Free" for nothing to pay.</summary>
    public static LocalizedText Money(decimal amount) => amount == 0
        ? new("Miễn phí", "Free")
        : new($"{amount.ToString("#,##0", Vietnamese)} đ", $"{amount.ToString("#,##0", English)} VND");

    /// <summary>How a paper is handed in: "Bản chính", "Bản sao", "Bản sao chứng thực".</summary>
    public static LocalizedText Form(string form) => form switch
    {
        "original" => new("Bản chính", "Original"),
        "certified-copy" => new("Bản sao chứng thực", "Certified copy"),
        "copy" => new("Bản sao", "Copy"),
        "original-or-certified-copy" => new("Bản chính hoặc bản sao chứng thực", "Original or certified copy"),
        _ => new(form, form),
    };

    /// <summary>A Circular 03/2025 form number in words: "Mẫu số 01".</summary>
    public static LocalizedText FormNumber(string number) =>
        new($"Mẫu số {number} (Thông tư 03/2025/TT-VPCP)", $"Form {number} (Circular 03/2025/TT-VPCP)");

    /// <summary>What kind of answer a field takes, as the citizen reads it.</summary>
    public static LocalizedText Kind(FieldType type) => type switch
    {
        FieldType.Number => new("Số", "Number"),
        FieldType.WholeNumber => new("Số nguyên", "Whole number"),
        FieldType.Date => new("Ngày (ngày/tháng/năm)", "Date (day/month/year)"),
        FieldType.Boolean => new("Có hoặc không", "Yes or no"),
        FieldType.Choice => new("Chọn một", "One of"),
        _ => new("Chữ", "Text"),
    };
}
