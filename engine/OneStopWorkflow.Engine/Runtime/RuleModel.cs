using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Units;
using Scriban.Runtime;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>Builds the read-only script model rules see: plain values and script objects only.</summary>
internal static class RuleModel
{
    public static ScriptObject For(
        DecisionContext context, CaseState state, TaskState? task, ImmutableDictionary<string, string>? input)
    {
        var unit = context.Units.Find(state.ReceivingUnit);
        var iso = context.Calendar.Format;
        // Sized up front: growing the dictionaries behind script objects was most of the cost of a rule model.
        var caseObject = new ScriptObject(7)
        {
            ["fields"] = Fields(context.Procedure.Fields, state.Fields),
            ["unit"] = Unit(unit, state.ReceivingUnit),
            ["received_at"] = iso(state.ReceivedAt),
            ["channel"] = state.Channel,
            ["dossier_code"] = state.DossierCode,
            ["procedure"] = context.Procedure.Code.Value,
            ["appointment"] = state.Appointment is { } a ? iso(a) : null,
        };
        var taskObject = new ScriptObject(5)
        {
            ["step"] = task?.Step.Value ?? "",
            ["unit"] = task?.Unit ?? "",
            ["role"] = task?.Role ?? "",
            ["activated_at"] = task is null ? null : iso(task.ActivatedAt),
            ["due"] = task?.Due is { } due ? iso(due) : null,
        };
        var inputFields = task is null ? [] : context.Procedure.Step(task.Step).Actions.SelectMany(a => a.Input);
        var model = new ScriptObject(4)
        {
            ["case"] = caseObject,
            ["task"] = taskObject,
            ["now"] = iso(context.Now),
            ["input"] = Fields(
                [.. inputFields.DistinctBy(f => f.Name)], input ?? ImmutableDictionary<string, string>.Empty),
        };
        return model;
    }

    private static ScriptObject Unit(UnitDefinition? unit, string code) => new(5)
    {
        ["code"] = code,
        ["level"] = unit is null ? "" : unit.Level.ToString().ToLowerInvariant(),
        ["parent"] = unit?.Parent ?? "",
        ["name"] = unit?.Name.Vi ?? code,
        ["remote"] = unit?.Remote ?? false,
    };

    private static ScriptObject Fields(
        ImmutableArray<FieldDefinition> definitions, ImmutableDictionary<string, string> values)
    {
        var result = new ScriptObject(definitions.Length);
        foreach (var field in definitions)
        {
            result[field.Name] = values.TryGetValue(field.Name, out var text) ? Typed(field.Type, text) : null;
        }

        return result;
    }

    internal static object? Typed(FieldType type, string text) => type switch
    {
        FieldType.Number => decimal.Parse(text, CultureInfo.InvariantCulture),
        FieldType.WholeNumber => long.Parse(text, CultureInfo.InvariantCulture),
        FieldType.Boolean => text == "true",
        _ => text,
    };
}
