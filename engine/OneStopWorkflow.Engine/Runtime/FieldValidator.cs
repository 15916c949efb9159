using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>Checks case fields and action inputs against their definitions; every problem names the field.</summary>
public static class FieldValidator
{
    public static ImmutableArray<Rejection> Validate(
        ImmutableArray<FieldDefinition> definitions, ImmutableDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var problems = ImmutableArray.CreateBuilder<Rejection>();
        foreach (var name in values.Keys.Where(k => definitions.All(f => f.Name != k)).Order(StringComparer.Ordinal))
        {
            problems.Add(new Rejection("unknown-field",
                $"Field '{name}' is not part of this procedure; known fields: {string.Join(", ", definitions.Select(f => f.Name))}."));
        }

        foreach (var field in definitions)
        {
            if (!values.TryGetValue(field.Name, out var text) || string.IsNullOrWhiteSpace(text))
            {
                if (field.Required)
                {
                    problems.Add(new Rejection("field-required", $"Field '{field.Name}' ({field.Label.Vi}) is required."));
                }

                continue;
            }

            if (Check(field, text) is { } problem)
            {
                problems.Add(new Rejection("field-invalid", $"Field '{field.Name}' ({field.Label.Vi}): {problem}"));
            }
        }

        return problems.ToImmutable();
    }

    private static string? Check(FieldDefinition field, string text)
    {
        switch (field.Type)
        {
            case FieldType.Number or FieldType.WholeNumber:
                var style = field.Type == FieldType.Number ? NumberStyles.Number : NumberStyles.Integer;
                if (!decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var number))
                {
                    return $"'{text}' is not a {(field.Type == FieldType.Number ? "number" : "whole number")}.";
                }

                return number < field.Min ? $"must be at least {field.Min}."
                    : number > field.Max ? $"must be at most {field.Max}."
                    : null;
            case FieldType.Date:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null
                    : $"'{text}' is not a date written yyyy-MM-dd.";
            case FieldType.Boolean:
                return text is "true" or "false" ? null : $"'{text}' must be true or false.";
            case FieldType.Choice:
                return field.Choices.Contains(text) ? null : $"'{text}' is not one of: {string.Join(", ", field.Choices)}.";
            default:
                return field.MaxLength is { } max && text.Length > max ? $"is longer than {max} characters." : null;
        }
    }
}
