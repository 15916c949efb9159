using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Engine.Simulation;

/// <summary>
/// Runs a scenario (a receipt and a list of timed commands) through the engine with no database and reports
/// the result as JSON. A rejected command is reported with its reasons and the run goes on.
/// </summary>
public static class ScenarioRunner
{
    public static string Run(DecisionContext context, string scenarioJson)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scenario = Parse(scenarioJson);
        var events = new List<CaseEvent>();
        var rejections = new List<ScenarioRejection>();
        CaseState? state = null;
        foreach (var (at, command) in scenario.Steps)
        {
            var decision = Workflow.Decide(context with { Now = at }, state, command);
            if (decision.IsRejected)
            {
                rejections.Add(new ScenarioRejection(at, command.Name, decision.Rejections));
                continue;
            }

            events.AddRange(decision.Events);
            state = decision.State;
        }

        return Report(context with { Now = scenario.Until }, state, events, rejections);
    }

    /// <summary>The timed commands of a scenario, the receipt first, and the instant the report is taken at.</summary>
    public static Scenario Parse(string scenarioJson)
    {
        using var document = JsonDocument.Parse(scenarioJson);
        var root = document.RootElement;
        var steps = Commands(root, ReadActors(root), scenarioJson).Select(c => new ScenarioStep(c.At, c.Command)).ToImmutableArray();
        return new Scenario(steps, root.TryGetProperty("until", out var u) ? Instant(u) : steps[^1].At);
    }

    /// <summary>The report of a run as stable, indented JSON; <paramref name="context"/>'s Now is when it is taken.</summary>
    public static string Report(
        DecisionContext context, CaseState? state, IReadOnlyList<CaseEvent> events, IReadOnlyList<ScenarioRejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ScenarioReport(context.Calendar).Write(context, state, events, rejections);
    }

    private static Dictionary<string, Actor> ReadActors(JsonElement root)
    {
        var actors = new Dictionary<string, Actor>(StringComparer.Ordinal);
        if (root.TryGetProperty("actors", out var list))
        {
            foreach (var actor in list.EnumerateObject())
            {
                actors[actor.Name] = new Actor(actor.Name, [.. actor.Value.EnumerateArray().Select(m =>
                    new Membership(m.GetProperty("unit").GetString()!, m.GetProperty("role").GetString()!))]);
            }
        }

        return actors;
    }

    private static IEnumerable<(DateTimeOffset At, CaseCommand Command)> Commands(
        JsonElement root, Dictionary<string, Actor> actors, string scenarioJson)
    {
        var receive = root.GetProperty("receive");
        var secret = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scenarioJson)))[..8];
        yield return (Instant(receive.GetProperty("at")), new ReceiveCommand(ActorOf(receive, actors), new CaseId("case-1"),
            receive.GetProperty("unit").GetString()!)
        {
            Channel = Text(receive, "channel") ?? "counter",
            Fields = Values(receive, "fields"),
            Sequence = receive.TryGetProperty("sequence", out var seq) ? seq.GetInt32() : 1,
            Secret = secret,
            IntakeAction = Text(receive, "action") ?? "accept",
            Input = Values(receive, "input"),
        });
        if (!root.TryGetProperty("commands", out var commands))
        {
            yield break;
        }

        foreach (var c in commands.EnumerateArray())
        {
            yield return (Instant(c.GetProperty("at")), Command(c, actors));
        }
    }

    private static CaseCommand Command(JsonElement c, Dictionary<string, Actor> actors)
    {
        var step = Text(c, "step") is { } s ? new StepId(s) : (StepId?)null;
        var reason = Text(c, "reason") ?? "";
        if (Text(c, "act") is { } action)
        {
            return new ActCommand(ActorOf(c, actors), action) { Step = step, Input = Values(c, "input") };
        }

        if (c.TryGetProperty("resubmit", out _))
        {
            return new ResubmitCommand(ActorOf(c, actors));
        }

        if (Text(c, "handUp") is { } to)
        {
            return new HandUpCommand(ActorOf(c, actors), to, reason) { Step = step };
        }

        if (Text(c, "reassign") is { } unit)
        {
            return new ReassignCommand(ActorOf(c, actors), unit, reason) { Step = step };
        }

        if (c.TryGetProperty("reschedule", out var date))
        {
            return new RescheduleCommand(ActorOf(c, actors), Instant(date), reason);
        }

        if (Text(c, "withdraw") is { } why)
        {
            return new WithdrawCommand(ActorOf(c, actors), why);
        }

        return c.TryGetProperty("tick", out _)
            ? new TickCommand()
            : throw new FormatException($"Command {c} has none of act, resubmit, handUp, reassign, reschedule, withdraw, tick.");
    }

    private static Actor ActorOf(JsonElement element, Dictionary<string, Actor> actors)
    {
        var name = Text(element, "actor") ?? throw new FormatException($"Command {element} names no actor.");
        return actors.TryGetValue(name, out var actor) ? actor : new Actor(name, []);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ImmutableDictionary<string, string> Values(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var values))
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        return values.EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.String => p.Value.GetString()!,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => p.Value.GetRawText(),
        });
    }

    private static DateTimeOffset Instant(JsonElement element) =>
        DateTimeOffset.Parse(element.GetString()!, CultureInfo.InvariantCulture);
}
