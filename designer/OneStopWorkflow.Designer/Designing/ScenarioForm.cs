using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Designer.Designing;

/// <summary>
/// A scenario as the try-it form edits it: the receipt and the commands, each with its time as people write it
/// (dd/MM/yyyy HH:mm, Vietnam time), who acts as a unit and a role, and what they do. It reads and writes the
/// scenario JSON the engine runs; whatever the form does not edit (descriptions, papers, names) is carried over.
/// Judging the scenario stays the engine's: a time that does not parse is written as typed, so the run names it.
/// </summary>
public sealed class ScenarioForm
{
    public const string TimeFormat = "dd/MM/yyyy HH:mm";

    /// <summary>The kinds of command and the properties each may carry besides its kind.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Kinds = new Dictionary<string, string[]>
    {
        ["act"] = ["actor", "step", "input"], ["resubmit"] = ["actor", "components", "fields"],
        ["handUp"] = ["actor", "step", "reason"], ["reassign"] = ["actor", "step", "reason"],
        ["reschedule"] = ["actor", "reason"], ["withdraw"] = ["actor"], ["tick"] = [],
    };

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private readonly JsonObject _root;

    private ScenarioForm(JsonObject root, ScenarioRow receipt)
    {
        _root = root;
        Receipt = receipt;
    }

    public ScenarioRow Receipt { get; }
    public List<ScenarioRow> Commands { get; } = [];

    /// <summary>Reads a scenario's JSON; null with the reason when it is no JSON object.</summary>
    public static ScenarioForm? Read(string json, ProcedureDefinition procedure, out string? error)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return null;
        }

        if (root is null)
        {
            error = "The scenario must be a JSON object.";
            return null;
        }

        error = null;
        var form = new ScenarioForm(root, Row(root["receive"] as JsonObject ?? [], "receive", root, procedure));
        foreach (var command in root["commands"] as JsonArray ?? [])
        {
            if (command is JsonObject c)
            {
                form.Commands.Add(Row(c, Kinds.Keys.FirstOrDefault(c.ContainsKey) ?? "act", root, procedure));
            }
        }

        return form;
    }

    /// <summary>A new command after the last one, a working hour later, by the same unit and role.</summary>
    public ScenarioRow AddCommand()
    {
        var last = Commands.Count > 0 ? Commands[^1] : Receipt;
        var at = Parse(last.At) is { } t ? t.AddHours(1).ToString(TimeFormat, CultureInfo.InvariantCulture) : last.At;
        var row = new ScenarioRow([]) { Kind = "act", At = at, Unit = last.Unit, Role = last.Role, IsNew = true };
        Commands.Add(row);
        return row;
    }

    /// <summary>The scenario JSON the engine runs, indented.</summary>
    public string ToJson()
    {
        var root = (JsonObject)_root.DeepClone();
        var actors = root["actors"] as JsonObject ?? [];
        root["actors"] = actors;
        var receive = (JsonObject)Receipt.Source.DeepClone();
        receive["at"] = Instant(Receipt);
        receive["unit"] = Receipt.Unit;
        receive["actor"] = ActorFor(actors, Receipt.Unit, Receipt.Role);
        receive["fields"] = Values(Receipt, Receipt.Source["fields"] as JsonObject);
        root["receive"] = receive;
        // The engine reads an empty list as a mistake; a receipt alone has no list.
        root.Remove("commands");
        if (Commands.Count > 0)
        {
            root["commands"] = new JsonArray([.. Commands.Select(c => (JsonNode)Command(c, actors))]);
        }

        return root.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    /// <summary>A time written dd/MM/yyyy HH:mm, in Vietnam time; null when it is not.</summary>
    public static DateTimeOffset? Parse(string text) =>
        DateTime.TryParseExact(text.Trim(), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new DateTimeOffset(t, Vietnam)
            : null;

    private static JsonObject Command(ScenarioRow row, JsonObject actors)
    {
        var c = (JsonObject)row.Source.DeepClone();
        var keep = Kinds[row.Kind];
        foreach (var name in c.Select(p => p.Key).Where(k => k != "at" && !keep.Contains(k)).ToList())
        {
            c.Remove(name);
        }

        c["at"] = Instant(row);
        JsonNode value = row.Kind switch
        {
            "act" => row.Action,
            "handUp" or "reassign" => row.Target,
            "reschedule" => Instant(row.Date, row.Source["reschedule"]),
            "withdraw" => row.Reason,
            _ => true,
        };
        c[row.Kind] = value;
        if (keep.Contains("actor"))
        {
            c["actor"] = ActorFor(actors, row.Unit, row.Role);
        }

        if (keep.Contains("reason") && row.Kind != "withdraw")
        {
            c["reason"] = row.Reason;
        }

        if (row.Kind is "act" or "handUp" or "reassign" && (row.IsNew || row.Source.ContainsKey("step"))
            && row.Step.Length > 0)
        {
            c["step"] = row.Step;
        }

        if (row.Kind == "act")
        {
            var input = Values(row, row.Source["input"] as JsonObject);
            c.Remove("input");
            if (input.Count > 0)
            {
                c["input"] = input;
            }
        }

        return c;
    }

    /// <summary>Values as typed; one left as it was keeps its JSON kind (a number stays a number).</summary>
    private static JsonObject Values(ScenarioRow row, JsonObject? source)
    {
        var values = new JsonObject();
        foreach (var (name, text) in row.Values.Where(v => v.Value.Length > 0))
        {
            var old = source?[name];
            values[name] = old is not null && Text(old) == text ? old.DeepClone() : text;
        }

        return values;
    }

    /// <summary>The actor holding <paramref name="role"/> at <paramref name="unit"/>, declared when none is.</summary>
    private static string ActorFor(JsonObject actors, string unit, string role)
    {
        foreach (var (name, actor) in actors)
        {
            if (Memberships(actor).Any(m => m.Unit == unit && m.Role == role))
            {
                return name;
            }
        }

        var key = $"{role}@{unit}".ToLowerInvariant();
        actors[key] = new JsonArray(new JsonObject { ["unit"] = unit, ["role"] = role });
        return key;
    }

    private static ScenarioRow Row(JsonObject source, string kind, JsonObject root, ProcedureDefinition procedure)
    {
        var actor = Scalar(source["actor"]) is { } a ? root["actors"]?[a] : null;
        var here = kind == "receive" ? Text(source["unit"]) : null;
        var (unit, role) = Memberships(actor).FirstOrDefault(m => here is null || m.Unit == here);
        var row = new ScenarioRow(source)
        {
            Kind = kind, At = Display(source["at"]), Unit = here ?? unit ?? "", Role = role ?? "",
            Action = kind == "act" ? Text(source["act"]) : "",
            Reason = Text(source[kind == "withdraw" ? kind : "reason"]),
            Target = kind is "handUp" or "reassign" ? Text(source[kind]) : "",
            Date = kind == "reschedule" ? Display(source["reschedule"]) : "", Step = Text(source["step"]),
        };
        foreach (var (name, value) in source[kind == "receive" ? "fields" : "input"] as JsonObject ?? [])
        {
            row.Values[name] = Text(value);
        }

        if (kind == "act" && row.Step.Length == 0)
        {
            var steps = procedure.Steps.Where(s => s.FindAction(row.Action) is not null).ToList();
            row.Step = (steps.Find(s => s.Role == row.Role) ?? steps.FirstOrDefault())?.Id.Value ?? "";
        }

        return row;
    }

    /// <summary>
    /// An actor's memberships, written either as a list or as <c>{ "name": …, "memberships": [ … ] }</c>.
    /// </summary>
    private static IEnumerable<(string? Unit, string? Role)> Memberships(JsonNode? actor) =>
        ((actor as JsonObject)?["memberships"] ?? actor) is JsonArray list
            ? list.OfType<JsonObject>().Select(m => ((string?)Scalar(m["unit"]), (string?)Scalar(m["role"])))
            : [];

    private static JsonNode Instant(ScenarioRow row) => Instant(row.At, row.Source["at"]);

    /// <summary>The instant as the engine reads it; the original text when it was not changed.</summary>
    private static JsonNode Instant(string shown, JsonNode? original)
    {
        if (original is not null && Display(original) == shown)
        {
            return original.DeepClone();
        }

        return Parse(shown) is { } at ? at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : shown;
    }

    private static string Display(JsonNode? node) =>
        Text(node) is var text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var at)
            ? at.ToOffset(Vietnam).ToString(TimeFormat, CultureInfo.InvariantCulture)
            : text;

    private static string Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        null => "",
        _ => node.ToJsonString(),
    };

    private static string? Scalar(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
