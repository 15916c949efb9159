using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;

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
            problems.Add(Rejection.Of(RejectionCodes.UnknownField).On(name).With("field", name)
                .With("known", string.Join(", ", definitions.Select(f => f.Name))));
        }

        foreach (var field in definitions)
        {
            if (!values.TryGetValue(field.Name, out var text) || string.IsNullOrWhiteSpace(text))
            {
                if (field.Required)
                {
                    problems.Add(Rejection.Of(RejectionCodes.FieldRequired).On(field.Name)
                        .With("field", field.Name).With("label", field.Label));
                }

                continue;
            }

            if (Check(field, text) is { } problem)
            {
                problems.Add(problem.On(field.Name).With("field", field.Name).With("label", field.Label));
            }
        }

        return problems.ToImmutable();
    }

    private static Rejection? Check(FieldDefinition field, string text)
    {
        var invalid = (string variant) => Rejection.Of(RejectionCodes.FieldInvalid, variant).With("value", text);
        switch (field.Type)
        {
            case FieldType.Number or FieldType.WholeNumber:
                var style = field.Type == FieldType.Number ? NumberStyles.Number : NumberStyles.Integer;
                if (!decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var number))
                {
                    return invalid(field.Type == FieldType.Number ? "not-number" : "not-whole-number");
                }

                return number < field.Min ? invalid("below-min").With("min", Number(field.Min!.Value))
                    : number > field.Max ? invalid("above-max").With("max", Number(field.Max!.Value))
                    : null;
            case FieldType.Date:
                return DateOnly.TryParseExact(
                        text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null
                    : invalid("not-date");
            case FieldType.Boolean:
                return text is "true" or "false" ? null : invalid("not-boolean");
            case FieldType.Choice:
                return field.Choices.Contains(text)
                    ? null
                    : invalid("not-choice").With("choices", string.Join(", ", field.Choices));
            default:
                return field.MaxLength is { } max && text.Length > max ? invalid("too-long").With("max", max) : null;
        }
    }

    private static LocalizedText Number(decimal value) =>
        new(value.ToString(CultureInfo.GetCultureInfo("vi-VN")), value.ToString(CultureInfo.InvariantCulture));
}
