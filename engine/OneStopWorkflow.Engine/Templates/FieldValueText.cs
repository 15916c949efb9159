using System.Globalization;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Templates;

/// <summary>
/// A case field's stored value as people read it, in Vietnamese and in English, worked out once for every page and
/// answer that shows it: yes/no as Có/Không or Yes/No, a choice by its title in the language, a date as 27/02/2026
/// or 27 February 2026, a number with a decimal comma and dotted thousands or the other way round.
/// </summary>
public static class FieldValueText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static LocalizedText Of(FieldDefinition field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        return new LocalizedText(VietnameseText.FieldValue(field, value), InEnglish(field, value));
    }

    private static string InEnglish(FieldDefinition field, string value) => value.Length == 0 ? "" : field.Type switch
    {
        FieldType.Date when DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var date) =>
            date.ToString("d MMMM yyyy", English),
        FieldType.Boolean => value == "true" ? "Yes" : "No",
        FieldType.Choice => field.ChoiceLabel(value).En,
        FieldType.Number or FieldType.WholeNumber
            when decimal.TryParse(value, CultureInfo.InvariantCulture, out var number) =>
            number.ToString("#,##0.##", English),
        _ => value,
    };
}
