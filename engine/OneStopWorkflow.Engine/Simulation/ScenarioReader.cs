using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Json;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Engine.Simulation;

/// <summary>
/// Reads a scenario file's tree: the actors, the receipt and the timed commands. Every problem is a diagnostic.
/// </summary>
/// <remarks>
/// Scenario codes are the OSW16xx block. Scenarios are authored beside the definitions (each version's
/// samples/), so they belong to the definitions range; 10xx to 13xx are taken by the procedure file (JSON shape,
/// graph, units and roles, durations) and 14xx and 15xx stay free for it to grow. The JSON shape of a scenario
/// keeps the shared codes of the reader (OSW1001 bad JSON, 1002 unknown property, 1003 missing property,
/// 1004 wrong type or value, 1007 duplicate property): the same problem has the same code in every file.
/// OSW1601 bad instant · 1602 undeclared actor · 1603 command of no kind · 1604 command of several kinds ·
/// 1605 empty command list · 1606 bad dossier sequence · 1607 an instant beyond the calendar (reported by the
/// designer's try-it, which runs it). Unit tests: Engine.Tests/Simulation/InvalidScenarios.
/// </remarks>
internal static class ScenarioReader
{
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm'Z'",
    ];

    public static Scenario? Read(ObjectReader root, string secret)
    {
        var d = root.Diagnostics;
        root.OptionalString("description");
        var actors = ReadActors(root.Optional("actors"), d);
        var receive = ReadReceive(ObjectReader.For(root.Required("receive"), d), actors, secret);
        var commands = CommandReader.ReadAll(root, actors);
        var until = root.Optional("until") is { } node ? Instant(root, node) : null;
        root.Finish();
        if (receive is null || d.HasErrors)
        {
            return null;
        }

        // Every command carries the case's one secret, so a receipt issued after a supplement prints the same one.
        ImmutableArray<ScenarioStep> steps =
            [receive, .. commands.Select(c => c with { Command = c.Command with { Secret = secret } })];
        return new Scenario(steps, until ?? steps[^1].At);
    }

    /// <summary>The instant in <paramref name="node"/>, with its UTC offset, so no machine's zone leaks in.</summary>
    public static DateTimeOffset? Instant(ObjectReader reader, JsonNode? node)
    {
        if (node is null || reader.AsString(node) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        reader.Diagnostics.Error("OSW1601",
            $"{node.Path} is '{text}', which is not a valid instant; write the date, the time and the UTC offset "
            + "in ISO 8601 form, e.g. '2026-03-02T09:00:00+07:00'.",
            node.Location);
        return null;
    }

    /// <summary>The actor named by the required <c>actor</c> property, who must be declared in <c>actors</c>.</summary>
    public static Actor? ActorOf(ObjectReader reader, IReadOnlyDictionary<string, Actor> actors)
    {
        var node = reader.Required("actor");
        if (node is null || reader.AsString(node) is not { } name)
        {
            return null;
        }

        if (actors.TryGetValue(name, out var actor))
        {
            return actor;
        }

        var hint = Spelling.Suggest(name, actors.Keys) is { } s ? $" Did you mean '{s}'?" : "";
        var declared = actors.Count == 0
            ? "$.actors declares no one"
            : $"declared: {string.Join(", ", actors.Keys.Order(StringComparer.Ordinal))}";
        reader.Diagnostics.Error("OSW1602",
            $"{node.Path} names actor '{name}', who is not declared in $.actors ({declared}).{hint} "
            + "Declare the actor there with its memberships, or with [] for someone who holds none.",
            node.Location);
        return null;
    }

    /// <summary>Case fields or action input: an object of strings, numbers and true/false, all kept as text.</summary>
    public static ImmutableDictionary<string, string> Values(ObjectReader reader, string name)
    {
        var values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (ObjectReader.For(reader.Optional(name), reader.Diagnostics) is not { } obj)
        {
            return values.ToImmutable();
        }

        foreach (var (key, _, value) in obj.Node.Properties)
        {
            var text = value switch
            {
                JsonStringNode s => s.Value,
                JsonBooleanNode b => b.Value ? "true" : "false",
                JsonNumberNode n => n.Value.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (text is null)
            {
                reader.Diagnostics.Error("OSW1004",
                    $"{value.Path} must be a string, a number or true or false but is {value.KindName}.",
                    value.Location);
                continue;
            }

            values[key] = text;
        }

        return values.ToImmutable();
    }

    /// <summary>
    /// The papers handed in: <c>[{ "component": "form-18", "form": "original", "quantity": 1 }]</c>, the form
    /// <c>original</c> and the quantity 1 unless given. Whether they belong to the procedure is the engine's to judge.
    /// </summary>
    public static ImmutableArray<ReceivedComponent> Components(ObjectReader reader)
    {
        var papers = ImmutableArray.CreateBuilder<ReceivedComponent>();
        foreach (var item in reader.OptionalArray("components"))
        {
            if (ObjectReader.For(item, reader.Diagnostics) is not { } paper)
            {
                continue;
            }

            var component = paper.RequiredString("component");
            var form = paper.OptionalString("form") ?? "original";
            var quantity = paper.OptionalNumber("quantity") ?? 1;
            paper.Finish();
            if (component is not null)
            {
                papers.Add(new ReceivedComponent(component, form,
                    quantity == decimal.Truncate(quantity) && Math.Abs(quantity) <= int.MaxValue ? (int)quantity : 0));
            }
        }

        return papers.ToImmutable();
    }

    private static Dictionary<string, Actor> ReadActors(JsonNode? node, DiagnosticBag d)
    {
        var actors = new Dictionary<string, Actor>(StringComparer.Ordinal);
        foreach (var (name, _, value) in ObjectReader.For(node, d)?.Node.Properties ?? [])
        {
            actors[name] = value is JsonObjectNode ? Person(name, value, d) : new Actor(name, Memberships(value, d));
        }

        return actors;
    }

    /// <summary>An actor written with their full name: <c>{ "name": "…", "memberships": [ … ] }</c>.</summary>
    private static Actor Person(string user, JsonNode node, DiagnosticBag d)
    {
        var reader = ObjectReader.For(node, d)!;
        var name = reader.OptionalString("name");
        var memberships = reader.Required("memberships") is { } list ? Memberships(list, d) : [];
        reader.Finish();
        return new Actor(user, memberships) { Name = name };
    }

    private static ImmutableArray<Membership> Memberships(JsonNode node, DiagnosticBag d)
    {
        if (node is not JsonArrayNode list)
        {
            d.Error("OSW1004", $"{node.Path} must be an array of memberships, e.g. "
                + $"[ {{ \"unit\": \"HP.LECHAN\", \"role\": \"clerk\" }} ], but is {node.KindName}.", node.Location);
            return [];
        }

        var memberships = ImmutableArray.CreateBuilder<Membership>();
        foreach (var item in list.Items)
        {
            if (ObjectReader.For(item, d) is not { } reader)
            {
                continue;
            }

            var unit = reader.RequiredString("unit");
            var role = reader.RequiredString("role");
            var position = reader.OptionalString("position");
            reader.Finish();
            if (unit is not null && role is not null)
            {
                memberships.Add(new Membership(unit, role) { Position = position });
            }
        }

        return memberships.ToImmutable();
    }

    private static ScenarioStep? ReadReceive(ObjectReader? r, IReadOnlyDictionary<string, Actor> actors, string secret)
    {
        if (r is null)
        {
            return null;
        }

        var at = Instant(r, r.Required("at"));
        var unit = r.RequiredString("unit");
        var actor = ActorOf(r, actors);
        var channel = r.OptionalString("channel") ?? "counter";
        var fields = Values(r, "fields");
        var sequence = Sequence(r);
        var action = r.OptionalString("action") ?? "accept";
        var input = Values(r, "input");
        var components = Components(r);
        r.Finish();
        return at is null || unit is null || actor is null
            ? null
            : new ScenarioStep(at.Value, new ReceiveCommand(actor, new CaseId("case-1"), unit)
            {
                Channel = channel, Fields = fields, Sequence = sequence, Secret = secret, IntakeAction = action,
                Input = input, Components = components,

                // A scenario keeps no book: its case stands in volume 1 at its dossier number, so runs repeat.
                Book = new TrackingBookEntry(1, sequence),
            });
    }

    private static int Sequence(ObjectReader r)
    {
        var node = r.Optional("sequence");
        if (r.AsNumber(node) is not { } number)
        {
            return 1;
        }

        if (number is >= 1 and <= 9999 && number == decimal.Truncate(number))
        {
            return (int)number;
        }

        r.Diagnostics.Error("OSW1606",
            $"{node!.Path} is {number}; the dossier sequence is a whole number from 1 to 9999 "
            + "(the NNNN of <unit>-<YYMMDD>-NNNN).",
            node.Location);
        return 1;
    }
}
