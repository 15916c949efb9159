using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Json;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Engine.Simulation;

/// <summary>
/// Reads the timed commands of a scenario. A command gives its instant and exactly one kind property (act,
/// resubmit, handUp, ...), which decides the other properties it may have; the codes are listed on
/// <see cref="ScenarioReader"/>.
/// </summary>
internal static class CommandReader
{
    private static readonly string[] Kinds =
        ["act", "resubmit", "handUp", "reassign", "reschedule", "withdraw", "tick"];

    private static readonly string[] Details = ["actor", "step", "input", "reason", "components", "fields"];

    public static ImmutableArray<ScenarioStep> ReadAll(ObjectReader root, IReadOnlyDictionary<string, Actor> actors)
    {
        var items = root.OptionalArray("commands");
        if (items.IsEmpty && root.Node.Find("commands")?.Value is JsonArrayNode empty)
        {
            root.Diagnostics.Error("OSW1605",
                $"{empty.Path} is empty; list the commands to run after the receipt, or remove 'commands' to run the "
                + "receipt alone.",
                empty.Location);
        }

        return [.. items.Select(item => Read(item, root.Diagnostics, actors)).OfType<ScenarioStep>()];
    }

    private static ScenarioStep? Read(JsonNode node, DiagnosticBag d, IReadOnlyDictionary<string, Actor> actors)
    {
        if (ObjectReader.For(node, d) is not { } c)
        {
            return null;
        }

        var at = ScenarioReader.Instant(c, c.Required("at"));
        var kinds = c.Node.Properties.Where(p => Kinds.Contains(p.Name)).ToList();
        if (kinds.Count != 1)
        {
            // With the kind unknown, every name a command may carry is known, so only a misspelling is reported.
            ReportKinds(c, kinds);
            foreach (var name in Kinds.Concat(Details))
            {
                c.Optional(name);
            }

            c.Finish();
            return null;
        }

        var command = Command(c, kinds[0].Name, actors);
        c.Finish();
        return at is null || command is null ? null : new ScenarioStep(at.Value, command);
    }

    private static void ReportKinds(ObjectReader c, List<JsonPropertyNode> kinds)
    {
        if (kinds.Count == 0)
        {
            c.Diagnostics.Error("OSW1603",
                $"{c.Node.Path} does not say what to do; give exactly one of {string.Join(", ", Kinds[..^1])} "
                + $"or {Kinds[^1]}, e.g. \"act\": \"approve\".",
                c.Location);
            return;
        }

        c.Diagnostics.Error("OSW1604",
            $"{c.Node.Path} gives {string.Join(" and ", kinds.Select(k => $"'{k.Name}'"))}; a command does one "
            + "thing, so write one command for each.",
            kinds[1].NameLocation);
    }

    /// <summary>A tick is the system's; every other kind is someone's, so names a declared actor.</summary>
    private static CaseCommand? Command(ObjectReader c, string kind, IReadOnlyDictionary<string, Actor> actors)
    {
        if (kind == "tick")
        {
            return IsTrue(c, "tick") ? new TickCommand() : null;
        }

        var actor = ScenarioReader.ActorOf(c, actors);
        return kind switch
        {
            "act" => Act(c, actor),
            "resubmit" => Resubmit(c, actor),
            "handUp" => HandUp(c, actor),
            "reassign" => Reassign(c, actor),
            "reschedule" => Reschedule(c, actor),
            _ => c.RequiredString("withdraw") is { } why && actor is not null ? new WithdrawCommand(actor, why) : null,
        };
    }

    private static ActCommand? Act(ObjectReader c, Actor? actor)
    {
        var action = c.RequiredString("act");
        var step = Step(c);
        var input = ScenarioReader.Values(c, "input");
        return action is null || actor is null ? null : new ActCommand(actor, action) { Step = step, Input = input };
    }

    private static ResubmitCommand? Resubmit(ObjectReader c, Actor? actor)
    {
        var resubmit = IsTrue(c, "resubmit");
        var components = ScenarioReader.Components(c);
        var fields = ScenarioReader.Values(c, "fields");
        return resubmit && actor is not null
            ? new ResubmitCommand(actor) { Components = components, Fields = fields }
            : null;
    }

    private static HandUpCommand? HandUp(ObjectReader c, Actor? actor)
    {
        var to = c.RequiredString("handUp");
        var step = Step(c);
        var reason = c.OptionalString("reason") ?? "";
        return to is null || actor is null ? null : new HandUpCommand(actor, to, reason) { Step = step };
    }

    private static ReassignCommand? Reassign(ObjectReader c, Actor? actor)
    {
        var unit = c.RequiredString("reassign");
        var step = Step(c);
        var reason = c.OptionalString("reason") ?? "";
        return unit is null || actor is null ? null : new ReassignCommand(actor, unit, reason) { Step = step };
    }

    private static RescheduleCommand? Reschedule(ObjectReader c, Actor? actor)
    {
        var date = ScenarioReader.Instant(c, c.Required("reschedule"));
        var reason = c.OptionalString("reason") ?? "";
        return date is null || actor is null ? null : new RescheduleCommand(actor, date.Value, reason);
    }

    private static StepId? Step(ObjectReader c) => c.OptionalString("step") is { } step ? new StepId(step) : null;

    /// <summary>resubmit and tick carry no value, so they are written <c>true</c>; false reads as "do not".</summary>
    private static bool IsTrue(ObjectReader c, string name)
    {
        var node = c.Required(name);
        if (node is JsonBooleanNode { Value: true })
        {
            return true;
        }

        if (node is not null)
        {
            var actual = node is JsonBooleanNode ? "false" : node.KindName;
            c.Diagnostics.Error("OSW1004",
                $"{node.Path} must be true (\"{name}\": true) but is {actual}; "
                + "remove the command rather than write false.",
                node.Location);
        }

        return false;
    }
}
