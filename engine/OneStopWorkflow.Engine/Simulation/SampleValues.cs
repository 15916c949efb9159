using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Simulation;

/// <summary>
/// Believable values for a procedure's fields, to preview documents and to start a scenario from: a person's name
/// where a name is asked, an address in Hải Phòng, an amount in đồng. Chosen from the field's type and the words of
/// its name, never the name or a form number itself, so a preview reads like a real dossier.
/// </summary>
public static class SampleValues
{
    private static readonly (string Hint, string Value)[] Texts =
    [
        ("mother", "Trần Thị Bình"), ("father", "Nguyễn Văn An"), ("child", "Nguyễn Minh Khang"),
        ("transferee", "Trần Thị Bình"), ("household", "Hộ kinh doanh Phạm Gia"), ("owner", "Phạm Văn Cường"),
        ("relation", "Cha"), ("birth_place", "Bệnh viện Phụ sản Hải Phòng"),
        ("business_lines", "Bán lẻ đồ uống, tạp hóa"),
        ("address", "Số 12 phố Lạch Tray, phường Lê Chân, thành phố Hải Phòng"),
        ("phone", "0912345678"), ("email", "nguyenvanan@gmail.com"), ("id_number", "031080001234"),
        ("certificate", "CS 012345"), ("parcel", "215"), ("map_sheet", "18"),
        ("reason", "Thiếu văn bản đồng ý của bên nhận thế chấp"), ("name", "Nguyễn Văn An"),
    ];

    /// <summary>Every field of <paramref name="procedure"/> with its sample value, as the engine reads input.</summary>
    public static ImmutableDictionary<string, string> For(ProcedureDefinition procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return procedure.Fields.ToImmutableDictionary(f => f.Name, Of, StringComparer.Ordinal);
    }

    /// <summary>A value <paramref name="field"/> accepts, written as the engine reads it (ISO dates, a dot).</summary>
    public static string Of(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var value = field.Type switch
        {
            FieldType.Number or FieldType.WholeNumber => Number(field),
            FieldType.Date => "2026-02-27",
            FieldType.Boolean => "false",
            FieldType.Choice => field.Choices.FirstOrDefault() ?? "",
            _ => Texts.FirstOrDefault(t => field.Name.Contains(t.Hint, StringComparison.OrdinalIgnoreCase)).Value
                ?? "Theo giấy tờ đã nộp",
        };
        return field.MaxLength is { } max && value.Length > max ? value[..max] : value;
    }

    private static string Number(FieldDefinition field)
    {
        var name = field.Name;
        decimal value = name.Contains("area", StringComparison.OrdinalIgnoreCase) ? 84.5m
            : name.Contains("capital", StringComparison.OrdinalIgnoreCase)
                || name.Contains("vnd", StringComparison.OrdinalIgnoreCase)
                || name.Contains("amount", StringComparison.OrdinalIgnoreCase)
                || name.Contains("price", StringComparison.OrdinalIgnoreCase)
                || name.Contains("fee", StringComparison.OrdinalIgnoreCase) ? 1_250_000_000m
            : 2m;
        if (field.Type == FieldType.WholeNumber)
        {
            value = decimal.Truncate(value);
        }

        value = Math.Max(value, field.Min ?? value);
        value = Math.Min(value, field.Max ?? value);
        return value.ToString(CultureInfo.InvariantCulture);
    }
}
