using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>Checks case fields and action inputs against their definitions; every problem names the field.</summary>
public static partial class FieldValidator
{
    /// <summary>
    /// The values as the trail keeps them: trimmed, and numbers written with a decimal point whichever mark the
    /// person typed ("84,5" and "84.5" both become "84.5"). A value that does not read stays as typed, for
    /// <see cref="Validate"/> to refuse.
    /// </summary>
    public static ImmutableDictionary<string, string> Normalize(
        ImmutableArray<FieldDefinition> definitions, ImmutableDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var normalized = values.ToBuilder();
        foreach (var (name, text) in values)
        {
            var field = definitions.FirstOrDefault(f => f.Name == name);
            var trimmed = text.Trim();
            normalized[name] = field?.Type is FieldType.Number or FieldType.WholeNumber
                && ParseNumber(trimmed) is { } number
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : trimmed;
        }

        return normalized.ToImmutable();
    }

    /// <summary>
    /// A number as people write it: digits with at most one decimal mark, a comma (Vietnamese) or a point; no
    /// thousands separators, which would make "1.234" mean two different numbers.
    /// </summary>
    public static decimal? ParseNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PlainNumber().IsMatch(text)
            && decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    /// <summary>Every required field given, and every value given valid: a dossier that can be accepted.</summary>
    public static ImmutableArray<Rejection> Validate(
        ImmutableArray<FieldDefinition> definitions, ImmutableDictionary<string, string> values,
        DateLimits? dates = null) =>
        Check(definitions, values, f => f.Required, dates, input: false);

    /// <summary>
    /// An action's input: every required value given, every value valid; texts are reasons, so they may run over
    /// several lines and are <see cref="TextInput.ReasonLength"/> long unless the field says otherwise.
    /// </summary>
    public static ImmutableArray<Rejection> ValidateInput(
        ImmutableArray<FieldDefinition> definitions, ImmutableDictionary<string, string> values,
        DateLimits? dates = null) =>
        Check(definitions, values, f => f.Required, dates, input: true);

    /// <summary>
    /// The required fields among the procedure's contact fields given, and every value given valid: enough to ask
    /// the applicant for a supplement or to refuse, which do not accept the dossier.
    /// </summary>
    public static ImmutableArray<Rejection> ValidateContact(
        ProcedureDefinition procedure, ImmutableDictionary<string, string> values, DateLimits? dates = null)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var contact = procedure.ContactFields;
        return Check(procedure.Fields, values, f => f.Required && contact.Contains(f), dates, input: false);
    }

    /// <summary>Every value given valid, none required: the fields a supplement adds or corrects.</summary>
    public static ImmutableArray<Rejection> ValidateGiven(
        ImmutableArray<FieldDefinition> definitions, ImmutableDictionary<string, string> values,
        DateLimits? dates = null) =>
        Check(definitions, values, _ => false, dates, input: false);

    private static ImmutableArray<Rejection> Check(
        ImmutableArray<FieldDefinition> definitions, ImmutableDictionary<string, string> values,
        Func<FieldDefinition, bool> isRequired, DateLimits? dates, bool input)
    {
        ArgumentNullException.ThrowIfNull(values);
        var problems = ImmutableArray.CreateBuilder<Rejection>();
        foreach (var name in values.Keys.Where(k => definitions.All(f => f.Name != k)).Order(StringComparer.Ordinal))
        {
            problems.Add(Rejection.Of(RejectionCodes.UnknownField).On(name).With("field", TextInput.Quote(name))
                .With("known", string.Join(", ", definitions.Select(f => f.Name))));
        }

        foreach (var field in definitions)
        {
            if (!values.TryGetValue(field.Name, out var text) || string.IsNullOrWhiteSpace(text))
            {
                if (isRequired(field))
                {
                    problems.Add(Rejection.Of(RejectionCodes.FieldRequired).On(field.Name)
                        .With("field", field.Name).With("label", field.Label));
                }

                continue;
            }

            if ((CheckText(field, text, input) ?? CheckValue(field, text, dates)) is { } problem)
            {
                problems.Add(problem.On(field.Name).With("field", field.Name).With("label", field.Label));
            }
        }

        return problems.ToImmutable();
    }

    /// <summary>
    /// What every value must be, whatever its type: no longer than the field keeps, and with no control or
    /// text-direction character (an input, a reason, may hold line breaks and tabs).
    /// </summary>
    private static Rejection? CheckText(FieldDefinition field, string text, bool input)
    {
        var max = field.MaxLength ?? (input ? TextInput.ReasonLength : TextInput.DefaultFieldLength);
        return text.Length > max ? Rejection.Of(RejectionCodes.FieldInvalid, "too-long").With("max", max)
            : TextInput.Forbidden(text, multiLine: input) is { } c
                ? Rejection.Of(RejectionCodes.FieldInvalid, "control-character")
                    .With("character", TextInput.Describe(c))
                : null;
    }

    private static Rejection? CheckValue(FieldDefinition field, string text, DateLimits? dates)
    {
        var invalid = (string variant) =>
            Rejection.Of(RejectionCodes.FieldInvalid, variant).With("value", TextInput.Quote(text));
        switch (field.Type)
        {
            case FieldType.Number or FieldType.WholeNumber:
                if (ParseNumber(text) is not { } number)
                {
                    return invalid(HasSeparators(text) ? "number-format"
                        : field.Type == FieldType.Number ? "not-number" : "not-whole-number");
                }

                if (field.Type == FieldType.WholeNumber && number != decimal.Truncate(number))
                {
                    return invalid("not-whole-number");
                }

                return number < field.Min ? invalid("below-min").With("min", Number(field.Min!.Value))
                    : number > field.Max ? invalid("above-max").With("max", Number(field.Max!.Value))
                    : null;
            case FieldType.Date:
                if (!DateOnly.TryParseExact(
                        text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return invalid("not-date");
                }

                if (dates is not { } limits)
                {
                    return null;
                }

                var earliest = field.MinDate?.On(limits.Today) ?? limits.Earliest;
                var latest = field.MaxDate?.On(limits.Today) ?? limits.Latest;
                return date < earliest ? invalid("date-before").With("min", RejectionWords.Date(earliest))
                    : date > latest ? invalid("date-after").With("max", RejectionWords.Date(latest))
                    : null;
            case FieldType.Boolean:
                return text is "true" or "false" ? null : invalid("not-boolean");
            case FieldType.Choice:
                return field.Choices.Contains(text)
                    ? null
                    : invalid("not-choice").With("choices", new LocalizedText(
                        string.Join(", ", field.Choices.Select(c => field.ChoiceLabel(c).Vi)),
                        string.Join(", ", field.Choices.Select(c => field.ChoiceLabel(c).En))));
            default:
                return null;
        }
    }

    private static LocalizedText Number(decimal value) =>
        new(value.ToString(CultureInfo.GetCultureInfo("vi-VN")), value.ToString(CultureInfo.InvariantCulture));

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-]?\d+(?:[.,]\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex PlainNumber();

    /// <summary>More than one mark, as in "1.234,5", "1,234.5" or "1.234.567": digits grouped by thousands.</summary>
    private static bool HasSeparators(string text) =>
        text.Count(c => c is '.' or ',') > 1 && text.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or '-' or '+');
}
