using System.Collections.Immutable;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Json;
using OneStopWorkflow.Engine.Rules;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>Reads the steps, actions and escalations of a procedure file.</summary>
internal static class StepReader
{
    public static StepDefinition? Read(JsonNode node, RuleScope scope, DiagnosticBag d)
    {
        var reader = ObjectReader.For(node, d);
        if (reader is null)
        {
            return null;
        }

        var id = reader.RequiredString("id");
        var kind = reader.RequiredEnum<StepKind>("kind");
        var title = reader.OptionalText("title");
        var role = reader.OptionalString("role");
        var unit = ReadUnit(reader, scope);
        var budget = reader.OptionalDuration("budget");
        var actions = ReadActions(reader, scope);
        var clock = reader.OptionalEnum<ClockBehaviour>("clock") ?? ClockBehaviour.Run;
        var awaits = reader.OptionalEnum<WaitParty>("awaits");
        var resubmitTo = reader.OptionalString("resubmitTo");
        var next = reader.OptionalString("next");
        var branches = reader.OptionalStrings("branches");
        var join = reader.OptionalString("join");
        var outcome = reader.OptionalEnum<Outcome>("outcome");
        var documents = reader.OptionalStrings("documents");
        var escalations = reader.OptionalArray("escalations").Select(n => ReadEscalation(n, scope, d))
            .OfType<EscalationDefinition>().ToImmutableArray();
        reader.Finish();
        if (id is not null && !Names.IsKebab(id))
        {
            d.Error("OSW1009", $"Step id '{id}' must be kebab-case (lower-case words joined by '-').", node.Location);
        }

        return id is null || kind is null
            ? null
            : new StepDefinition
            {
                Id = new StepId(id), Kind = kind.Value, Title = title ?? new LocalizedText(id, id), Role = role,
                Unit = unit, Budget = budget, Actions = actions, Clock = clock, Awaits = awaits,
                ResubmitTo = resubmitTo is null ? null : new StepId(resubmitTo),
                Next = next is null ? null : new StepId(next),
                Branches = [.. branches.Select(b => new StepId(b))], Join = join is null ? null : new StepId(join),
                Outcome = outcome, Documents = documents, Escalations = escalations, Location = node.Location,
            };
    }

    private static UnitAssignment ReadUnit(ObjectReader reader, RuleScope scope)
    {
        var node = reader.Optional("unit");
        switch (node)
        {
            case null:
                return UnitAssignment.Receiving;
            case JsonStringNode { Value: "receiving" }:
                return UnitAssignment.Receiving;
            case JsonStringNode text when text.Value.StartsWith("step:", StringComparison.Ordinal):
                return new UnitAssignment(UnitAssignmentKind.SameAsStep, text.Value["step:".Length..]);
            case JsonStringNode text:
                return new UnitAssignment(UnitAssignmentKind.Fixed, text.Value);
        }

        var ruleReader = ObjectReader.For(node, reader.Diagnostics);
        var ruleNode = ruleReader?.Required("rule");
        ruleReader?.Finish();
        var rule = ruleReader?.AsString(ruleNode) is { } source
            ? RuleCompiler.Compile(source, ruleNode!.Location, scope, reader.Diagnostics)
            : null;
        return rule is null ? UnitAssignment.Receiving : new UnitAssignment(UnitAssignmentKind.Rule, Rule: rule);
    }

    private static ImmutableArray<ActionDefinition> ReadActions(ObjectReader reader, RuleScope scope)
    {
        var actions = ImmutableArray.CreateBuilder<ActionDefinition>();
        foreach (var node in reader.OptionalArray("actions"))
        {
            if (ReadAction(node, scope, reader.Diagnostics) is not { } action)
            {
                continue;
            }

            if (actions.Any(a => a.Id == action.Id))
            {
                reader.Diagnostics.Error("OSW1006",
                    $"Action id '{action.Id}' is used twice in the same step; give each action its own id.",
                    action.Location);
                continue;
            }

            actions.Add(action);
        }

        return actions.ToImmutable();
    }

    private static ActionDefinition? ReadAction(JsonNode node, RuleScope scope, DiagnosticBag d)
    {
        var reader = ObjectReader.For(node, d);
        if (reader is null)
        {
            return null;
        }

        var id = reader.RequiredString("id");
        var title = reader.OptionalText("title");
        var to = reader.RequiredString("to");
        var input = ProcedureLoader.ReadFields(reader.OptionalArray("input"), d);
        var actionScope = scope with { Inputs = [.. input.Select(f => f.Name)] };
        var guardNode = reader.Optional("guard");
        var guard = reader.AsString(guardNode) is { } source
            ? RuleCompiler.Compile(source, guardNode!.Location, actionScope, d)
            : null;
        var guardDescription = reader.OptionalText("guardDescription");
        var documents = reader.OptionalStrings("documents");
        var startsClock = reader.OptionalBoolean("startsClock");
        reader.Finish();
        if (id is not null && !Names.IsKebab(id))
        {
            d.Error("OSW1009", $"Action id '{id}' must be kebab-case (lower-case words joined by '-').", node.Location);
        }

        return id is null || to is null
            ? null
            : new ActionDefinition
            {
                Id = id, Title = title ?? new LocalizedText(id, id), To = new StepId(to), Guard = guard,
                GuardDescription = guardDescription, Input = input, Documents = documents, StartsClock = startsClock,
                Location = node.Location,
            };
    }

    public static EscalationDefinition? ReadEscalation(JsonNode node, RuleScope scope, DiagnosticBag d)
    {
        var reader = ObjectReader.For(node, d);
        if (reader is null)
        {
            return null;
        }

        var id = reader.RequiredString("id");
        var trigger = reader.RequiredEnum<EscalationTrigger>("trigger");
        var after = reader.OptionalDuration("after") ?? WorkingDuration.Zero;
        var whenNode = reader.Optional("when");
        var when = reader.AsString(whenNode) is { } source
            ? RuleCompiler.Compile(source, whenNode!.Location, scope, d)
            : null;
        var notify = reader.OptionalString("notify");
        var reassignTo = reader.OptionalString("reassignTo");
        var documents = reader.OptionalStrings("documents");
        var reschedule = reader.OptionalDuration("reschedule");
        reader.Finish();
        if (trigger == EscalationTrigger.Jurisdiction && (whenNode is null || reassignTo is null))
        {
            d.Error("OSW1110",
                $"Escalation '{id}' is a jurisdiction escalation; give the condition 'when' and the unit 'reassignTo'.",
                node.Location);
        }

        return id is null || trigger is null
            ? null
            : new EscalationDefinition
            {
                Id = id, Trigger = trigger.Value, After = after, When = when, Notify = notify, ReassignTo = reassignTo,
                Documents = documents, Reschedule = reschedule, Location = node.Location,
            };
    }
}
