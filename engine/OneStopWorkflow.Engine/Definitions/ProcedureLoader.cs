using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Json;
using OneStopWorkflow.Engine.Rules;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>
/// Turns a version folder's content into an immutable <see cref="ProcedureDefinition"/>. Like Scriban's
/// <c>Template.Parse</c>, it never throws on bad content: every problem is a diagnostic with a code, a message
/// that says what to do, and a location.
/// </summary>
public static class ProcedureLoader
{
    public static LoadResult Load(ProcedureSource source, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var diagnostics = new DiagnosticBag();
        var reader = ObjectReader.For(JsonTreeReader.Read(source.Json, source.Path, diagnostics), diagnostics);
        var procedure = reader is null ? null : Read(reader);
        if (procedure is not null)
        {
            ProcedureValidator.Validate(procedure, source, context, diagnostics);
            if (!diagnostics.HasErrors)
            {
                procedure = procedure with
                {
                    Templates = DocumentTemplates.Compile(
                        procedure, DocumentTemplates.Resolve(source, context), diagnostics),
                };
            }
        }

        if (procedure is null || diagnostics.HasErrors)
        {
            return new LoadResult(null, diagnostics.ToImmutable(), null, null);
        }

        var canonical = ProcedureJsonWriter.Canonical(procedure);
        return new LoadResult(procedure, diagnostics.ToImmutable(), canonical, ProcedureJsonWriter.Sha256(canonical));
    }

    private static ProcedureDefinition? Read(ObjectReader reader)
    {
        var d = reader.Diagnostics;
        var code = reader.RequiredString("code");
        var version = reader.RequiredNumber("version");
        var nationalCode = reader.OptionalString("nationalCode");
        var title = reader.RequiredText("title");
        var legalBasis = reader.OptionalStrings("legalBasis");
        var receivableAt = reader.OptionalStrings("receivableAt");
        var calendar = reader.RequiredString("calendar");
        var deadline = ReadDeadline(reader);
        var cutOff = ReadCutOff(reader);
        var dueSoon = reader.OptionalDuration("dueSoon") ?? WorkingDuration.Days(1);
        var maxExtension = reader.OptionalDuration("maxExtension");
        var fields = ReadFields(reader.OptionalArray("fields"), d);
        var scope = new RuleScope([.. fields.Select(f => f.Name)], []);
        var adjustments = reader.OptionalArray("deadlineAdjustments")
            .Select(n => ReadAdjustment(n, scope, d)).OfType<DeadlineAdjustment>().ToImmutableArray();
        var components = reader.OptionalArray("components").Select(n => ReadComponent(n, d))
            .OfType<ComponentDefinition>().ToImmutableArray();
        var documents = reader.OptionalArray("documents").Select(n => ReadDocument(n, d))
            .OfType<DocumentDefinition>().ToImmutableArray();
        var start = reader.RequiredString("start");
        var steps = reader.OptionalArray("steps").Select(n => StepReader.Read(n, scope, d))
            .OfType<StepDefinition>().ToImmutableArray();
        var escalations = reader.OptionalArray("escalations").Select(n => StepReader.ReadEscalation(n, scope, d))
            .OfType<EscalationDefinition>().ToImmutableArray();
        var fees = reader.OptionalArray("fees").Select(n => ReadFee(n, d)).OfType<Fee>().ToImmutableArray();
        var result = ReadResult(reader);
        var online = ReadOnline(reader);
        var withdrawal = ObjectReader.For(reader.Optional("withdrawal"), d);
        var withdrawalDocuments = withdrawal?.OptionalStrings("documents") ?? [];
        var (withdrawalRoles, withdrawalAt) = ReadWithdrawalRoles(withdrawal, reader.Location);
        withdrawal?.Finish();
        if (reader.Node.Find("steps") is null)
        {
            d.Error("OSW1003", "Property 'steps' is required in $; a procedure needs at least one step.",
                reader.Location);
        }

        reader.Finish();
        if (version is { } v && (v < 1 || v != decimal.Truncate(v)))
        {
            d.Error("OSW1004", $"$.version is {v}; it must be a whole number from 1.",
                reader.Node.Find("version")!.Value.Location);
            return null;
        }

        if (code is null || version is null || title is null || calendar is null || deadline is null || start is null)
        {
            return null;
        }

        return new ProcedureDefinition
        {
            Code = new ProcedureCode(code), Version = (int)version.Value, NationalCode = nationalCode, Title = title,
            LegalBasis = legalBasis, ReceivableAt = receivableAt, Calendar = calendar, StatutoryDeadline = deadline,
            CutOff = cutOff, DueSoon = dueSoon, MaxExtension = maxExtension, DeadlineAdjustments = adjustments,
            Fields = fields,
            Components = components, Documents = documents, Start = new StepId(start), Steps = steps,
            Escalations = escalations, WithdrawalDocuments = withdrawalDocuments, WithdrawalRoles = withdrawalRoles,
            WithdrawalLocation = withdrawalAt, Fees = fees, Result = result, Online = online,
            Location = reader.Location,
        };
    }

    private static Fee? ReadFee(JsonNode node, DiagnosticBag d)
    {
        if (ObjectReader.For(node, d) is not { } reader)
        {
            return null;
        }

        var name = reader.RequiredText("name");
        var amount = reader.RequiredNumber("amount");
        var note = reader.OptionalText("note");
        reader.Finish();
        if (amount is < 0)
        {
            d.Error("OSW1004", $"{node.Path}.amount is {amount}; a fee is 0 đồng or more.", node.Location);
            return null;
        }

        return name is null || amount is null ? null : new Fee(name, amount.Value) { Note = note };
    }

    private static ResultDefinition? ReadResult(ObjectReader procedure)
    {
        if (ObjectReader.For(procedure.Optional("result"), procedure.Diagnostics) is not { } reader)
        {
            return null;
        }

        var document = reader.RequiredString("document");
        var paper = reader.OptionalBoolean("paper");
        reader.Finish();
        return document is null ? null : new ResultDefinition(document, paper) { Location = reader.Location };
    }

    private static OnlineService? ReadOnline(ObjectReader procedure)
    {
        if (ObjectReader.For(procedure.Optional("online"), procedure.Diagnostics) is not { } reader)
        {
            return null;
        }

        var afterHours = reader.Optional("afterHoursNextDay") is null || reader.OptionalBoolean("afterHoursNextDay");

        reader.Finish();
        return new OnlineService { AfterHoursNextDay = afterHours, Location = reader.Location };
    }

    /// <summary>
    /// <c>withdrawal.by</c>: the roles that may record a withdrawal, the clerk and the leader when it is left out;
    /// an empty list would let nobody record one, so it is an error.
    /// </summary>
    private static (ImmutableArray<string> Roles, SourceLocation At) ReadWithdrawalRoles(
        ObjectReader? withdrawal, SourceLocation procedure)
    {
        if (withdrawal?.Node.Find("by") is not { } by)
        {
            return (ProcedureDefinition.DefaultWithdrawalRoles, procedure);
        }

        var roles = withdrawal.OptionalStrings("by").Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (roles.IsEmpty && by.Value is JsonArrayNode)
        {
            withdrawal.Diagnostics.Error("OSW1004",
                "$.withdrawal.by is empty, so nobody could record a withdrawal; name at least one role, "
                + "or leave 'by' out for the clerk and the leader.", by.Value.Location);
        }

        return (roles, by.Value.Location);
    }

    private static StatutoryDeadline? ReadDeadline(ObjectReader reader)
    {
        var node = reader.Required("statutoryDeadline");
        if (node is JsonObjectNode obj && obj.Find("sameDay") is { } sameDay)
        {
            var sameDayReader = new ObjectReader(obj, reader.Diagnostics);
            var isSameDay = sameDayReader.OptionalBoolean("sameDay");
            sameDayReader.Finish();
            if (!isSameDay)
            {
                reader.Diagnostics.Error("OSW1301",
                    "$.statutoryDeadline.sameDay can only be true; give workingDays or workingHours otherwise.",
                    sameDay.NameLocation);
            }

            return StatutoryDeadline.SameWorkingDay;
        }

        return node is null ? null : reader.AsDuration(node) is { } duration ? StatutoryDeadline.Of(duration) : null;
    }

    private static TimeOnly? ReadCutOff(ObjectReader reader)
    {
        var node = reader.Optional("cutOff");
        var text = reader.AsString(node);
        if (text is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        reader.Diagnostics.Error("OSW1004", $"$.cutOff is '{text}'; write a local time such as \"15:00\".",
            node!.Location);
        return null;
    }

    internal static ImmutableArray<FieldDefinition> ReadFields(ImmutableArray<JsonNode> nodes, DiagnosticBag d)
    {
        var fields = ImmutableArray.CreateBuilder<FieldDefinition>();
        foreach (var node in nodes)
        {
            if (ReadField(node, d) is not { } field)
            {
                continue;
            }

            if (fields.Any(f => f.Name == field.Name))
            {
                d.Error("OSW1008", $"Field '{field.Name}' is declared twice; field names must be unique.",
                    field.Location);
                continue;
            }

            fields.Add(field);
        }

        return fields.ToImmutable();
    }

    private static FieldDefinition? ReadField(JsonNode node, DiagnosticBag d)
    {
        var reader = ObjectReader.For(node, d);
        if (reader is null)
        {
            return null;
        }

        var name = reader.RequiredString("name");
        var type = reader.RequiredEnum<FieldType>("type");
        var label = reader.RequiredText("label");
        var required = reader.OptionalBoolean("required");
        var contact = reader.OptionalBoolean("contact");
        var (choices, choiceLabels) = ReadChoices(reader, reader.OptionalArray("choices"), d);
        var (minNode, maxNode) = (reader.Optional("min"), reader.Optional("max"));
        var isDate = type == FieldType.Date;
        var (min, max) = isDate ? (null, null) : (reader.AsNumber(minNode), reader.AsNumber(maxNode));
        var (minDate, maxDate) = isDate ? (Bound(reader, minNode, name), Bound(reader, maxNode, name)) : (null, null);
        var maxLength = reader.OptionalNumber("maxLength");
        reader.Finish();
        if (minDate?.Day is { } earliest && maxDate?.Day is { } latest && earliest > latest)
        {
            d.Error("OSW1011", $"Field '{name}' accepts dates from {minDate} to {maxDate}, which is none; "
                + "swap 'min' and 'max'.", node.Location);
        }

        if (maxLength is { } length
            && (length != decimal.Truncate(length) || length is < 1 or > TextInput.MaxFieldLength))
        {
            d.Error("OSW1010", $"Field '{name}' has maxLength {length}; write a whole number of characters from 1 to "
                + $"{TextInput.MaxFieldLength} (without it a text field keeps {TextInput.DefaultFieldLength}, an "
                + $"action's input {TextInput.ReasonLength}).", node.Location);
            maxLength = null;
        }
        if (name is not null && !Names.IsSnake(name))
        {
            d.Error("OSW1009", $"Field name '{name}' must be snake_case (letters, digits, '_'), e.g. 'area_m2'.",
                node.Location);
            return null;
        }

        if (type == FieldType.Choice && choices.IsEmpty)
        {
            d.Error("OSW1003", $"Field '{name}' is a choice; list its 'choices'.", node.Location);
        }

        return name is null || type is null || label is null
            ? null
            : new FieldDefinition
            {
                Name = name, Type = type.Value, Label = label, Required = required, Contact = contact,
                Choices = choices, ChoiceLabels = choiceLabels, Min = min, Max = max, MinDate = minDate,
                MaxDate = maxDate, MaxLength = maxLength is { } m ? (int)m : null, Location = node.Location,
            };
    }

    /// <summary>A date field's <c>min</c> or <c>max</c>: a date written yyyy-MM-dd, or "today".</summary>
    private static DateBound? Bound(ObjectReader reader, JsonNode? node, string? field)
    {
        if (node is null || reader.AsString(node) is not { } text)
        {
            return null;
        }

        var bound = DateBound.Parse(text);
        if (bound is null)
        {
            reader.Diagnostics.Error("OSW1011", $"Field '{field}': {node.Path} is '{TextInput.Quote(text)}'; a date "
                + "field's bound is a date written yyyy-MM-dd (e.g. '2000-01-01') or 'today'.", node.Location);
        }

        return bound;
    }

    /// <summary>
    /// Choices are values (<c>"individual"</c>) or values with the words people read
    /// (<c>{ "value": "individual", "label": { "vi": "Cá nhân", "en": "Individual" } }</c>).
    /// </summary>
    private static (ImmutableArray<string> Values, ImmutableDictionary<string, LocalizedText> Labels) ReadChoices(
        ObjectReader field, ImmutableArray<JsonNode> nodes, DiagnosticBag d)
    {
        var values = ImmutableArray.CreateBuilder<string>();
        var labels = ImmutableDictionary.CreateBuilder<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node is JsonStringNode)
            {
                if (field.AsString(node) is { } plain)
                {
                    values.Add(plain);
                }

                continue;
            }

            var choice = ObjectReader.For(node, d);
            if (choice is null)
            {
                continue;
            }

            var value = choice.RequiredString("value");
            var label = choice.RequiredText("label");
            choice.Finish();
            if (value is not null)
            {
                values.Add(value);
                if (label is not null)
                {
                    labels[value] = label;
                }
            }
        }

        return (values.ToImmutable(), labels.ToImmutable());
    }

    private static DeadlineAdjustment? ReadAdjustment(JsonNode node, RuleScope scope, DiagnosticBag d)
    {
        var reader = ObjectReader.For(node, d);
        if (reader is null)
        {
            return null;
        }

        var id = reader.RequiredString("id");
        var whenNode = reader.Required("when");
        var when = reader.AsString(whenNode) is { } text
            ? RuleCompiler.Compile(text, whenNode!.Location, scope, d)
            : null;
        var add = reader.Required("add") is { } addNode ? reader.AsDuration(addNode) : null;
        reader.Finish();
        return id is null || when is null || add is null
            ? null
            : new DeadlineAdjustment(id, when, add.Value, node.Location);
    }

    private static ComponentDefinition? ReadComponent(JsonNode node, DiagnosticBag d)
    {
        var reader = ObjectReader.For(node, d);
        if (reader is null)
        {
            return null;
        }

        var id = reader.RequiredString("id");
        var name = reader.RequiredText("name");
        var form = reader.OptionalString("form") ?? "original";
        var quantity = reader.OptionalNumber("quantity") ?? 1;
        var required = reader.OptionalBoolean("required");
        reader.Finish();
        return id is null || name is null ? null : new ComponentDefinition(id, name, form, (int)quantity, required);
    }

    private static DocumentDefinition? ReadDocument(JsonNode node, DiagnosticBag d)
    {
        var reader = ObjectReader.For(node, d);
        if (reader is null)
        {
            return null;
        }

        var id = reader.RequiredString("id");
        var title = reader.RequiredText("title");
        var form = reader.OptionalString("form");
        var template = reader.RequiredString("template");
        reader.Finish();
        return id is null || title is null || template is null
            ? null
            : new DocumentDefinition
            {
                Id = id, Title = title, Form = form, Template = template, Location = node.Location,
            };
    }
}
