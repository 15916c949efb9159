using System.Globalization;
using static OneStopWorkflow.Designer.Localization.Text;

namespace OneStopWorkflow.Designer.Auditing;

/// <summary>
/// Figures as the reader's language writes them: "87,5 %" and "4,5 / 5" in Vietnamese, "87.5 %" in English.
/// </summary>
public static class AuditNumbers
{
    public static CultureInfo Culture =>
        IsEnglish ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("vi-VN");

    public static string Number(decimal value) => value.ToString("0.#", Culture);

    public static string Percent(decimal value) => $"{Number(value)} %";

    public static string Percent(double value) => Percent((decimal)value);

    /// <summary>The average rating out of 5 with how many rated: "4,5 / 5 (2 lượt)"; "—" before anyone rated.</summary>
    public static string Rating(decimal? average, int ratings) =>
        $"{(average is { } r ? r.ToString("0.0", Culture) : "—")} / 5 ({F("ratings", ratings)})";

    /// <summary>A month key (yyyy-MM) as people write it: 03/2026, or 2026-03 in English.</summary>
    public static string Month(string iso) =>
        !IsEnglish && iso.Length == 7 && iso[4] == '-' ? $"{iso[5..]}/{iso[..4]}" : iso;
}
