using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneStopWorkflow.Designer.Designing;

/// <summary>
/// The procedure.json of a draft as an editable tree. Every designer gesture is one small edit here; the engine's
/// loader then checks the whole text again, so what the canvas shows is always what would be published.
/// </summary>
public sealed class DraftDocument
{
    private static readonly JsonSerializerOptions Indented =
        new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private DraftDocument(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public static DraftDocument? Parse(string json, out string? error)
    {
        try
        {
            error = null;
            return JsonNode.Parse(json) is JsonObject root
                ? new DraftDocument(root)
                : Fail("procedure.json must be a JSON object.", out error);
        }
        catch (JsonException ex)
        {
            return Fail(ex.Message, out error);
        }
    }

    private static DraftDocument? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }

    public string ToJson() => Root.ToJsonString(Indented);

    public JsonArray Steps => Root["steps"] as JsonArray ?? (JsonArray)(Root["steps"] = new JsonArray());

    public IEnumerable<JsonObject> StepObjects => Steps.OfType<JsonObject>();

    public JsonObject? Step(string id) => StepObjects.FirstOrDefault(s => (string?)s["id"] == id);

    public static string Id(JsonObject step) => (string?)step["id"] ?? "";

    public static string Kind(JsonObject step) => (string?)step["kind"] ?? "task";

    public static string Title(JsonObject step) => (string?)step["title"]?["vi"] ?? Id(step);

    /// <summary>A <c>{ "vi": …, "en": … }</c> title in one language, or the fallback (an id) without one.</summary>
    public static string TitleIn(JsonNode? title, bool english, string fallback) =>
        (string?)title?[english ? "en" : "vi"] is { Length: > 0 } text ? text : fallback;

    /// <summary>Every step's ways out: actions (with their titles), next, branches, join, resubmission.</summary>
    public IEnumerable<DraftLink> Links()
    {
        foreach (var step in StepObjects)
        {
            var from = Id(step);
            var index = 0;
            foreach (var action in (step["actions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var title = action["title"];
                yield return new DraftLink(
                    $"{from}/action/{index++}", from, (string?)action["to"] ?? "", DraftLinkKind.Action,
                    Text(title, "vi") ?? (string?)action["id"], Text(title, "en") ?? (string?)action["id"]);
            }

            foreach (var (name, kind) in new[]
                {
                    ("next", DraftLinkKind.Next), ("join", DraftLinkKind.Join),
                    ("resubmitTo", DraftLinkKind.Resubmit),
                })
            {
                if ((string?)step[name] is { Length: > 0 } target)
                {
                    yield return new DraftLink($"{from}/{name}", from, target, kind, null, null);
                }
            }

            foreach (var branch in (step["branches"] as JsonArray ?? []).Select(b => (string?)b).OfType<string>())
            {
                yield return new DraftLink($"{from}/branch/{index++}", from, branch, DraftLinkKind.Branch, null, null);
            }
        }
    }

    /// <summary>A title in one language: <c>{ "vi": …, "en": … }</c>, or a plain string for both.</summary>
    public static string? Text(JsonNode? title, string language) =>
        title switch
        {
            JsonObject o => (string?)o[language] is { Length: > 0 } text ? text : null,
            JsonValue v when v.TryGetValue<string>(out var text) && text.Length > 0 => text,
            _ => null,
        };

    /// <summary>A new task after <paramref name="afterId"/>: it takes over that step's first action target.</summary>
    public string InsertStepAfter(string afterId)
    {
        var after = Step(afterId) ?? throw new ArgumentException($"No step '{afterId}'.", nameof(afterId));
        var id = UniqueId("new-step");
        var firstAction = (after["actions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var target = (string?)firstAction?["to"] ?? (string?)Root["start"] ?? id;
        var step = new JsonObject
        {
            ["id"] = id, ["kind"] = "task",
            ["title"] = new JsonObject { ["vi"] = "Bước mới", ["en"] = "New step" },
            ["role"] = (string?)after["role"] ?? "clerk",
            ["unit"] = (string?)after["unit"] ?? "receiving",
            ["budget"] = new JsonObject { ["workingDays"] = 1 },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["id"] = "done", ["title"] = new JsonObject { ["vi"] = "Hoàn thành", ["en"] = "Done" }, ["to"] = target,
            }),
        };
        if (firstAction is not null)
        {
            firstAction["to"] = id;
        }

        Steps.Insert(Steps.IndexOf(after) + 1, step);
        return id;
    }

    public string AddStep(string kind)
    {
        var id = UniqueId(kind == "end" ? "end" : "new-step");
        var step = new JsonObject
        {
            ["id"] = id, ["kind"] = kind, ["title"] = new JsonObject { ["vi"] = "Bước mới", ["en"] = "New step" },
        };
        if (kind == "end")
        {
            step["outcome"] = "resolved";
        }
        else if (kind == "task")
        {
            step["role"] = "clerk";
            step["budget"] = new JsonObject { ["workingDays"] = 1 };
            step["actions"] = new JsonArray();
        }

        Steps.Add(step);
        return id;
    }

    public void RemoveStep(string id)
    {
        if (Step(id) is { } step)
        {
            Steps.Remove(step);
        }
    }

    public void SetBudget(string id, decimal amount, bool days)
    {
        if (Step(id) is { } step)
        {
            step["budget"] = new JsonObject { [days ? "workingDays" : "workingHours"] = amount };
        }
    }

    public static (decimal Amount, bool Days)? Budget(JsonObject step) =>
        step["budget"] is JsonObject b
            ? b["workingDays"] is { } d ? (Number(d), true) : b["workingHours"] is { } h ? (Number(h), false) : null
            : null;

    public void SetText(string id, string property, string? value)
    {
        if (Step(id) is not { } step)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            step.Remove(property);
        }
        else
        {
            step[property] = value.Trim();
        }
    }

    public void SetTitle(string id, string vi, string en)
    {
        if (Step(id) is { } step)
        {
            step["title"] = new JsonObject { ["vi"] = vi, ["en"] = en };
        }
    }

    public void AddAction(string stepId, string actionId, string to)
    {
        var id = actionId.Trim();
        Add(stepId, new JsonObject
        {
            ["id"] = id, ["title"] = new JsonObject { ["vi"] = id, ["en"] = id }, ["to"] = to.Trim(),
        });
    }

    /// <summary>
    /// An action toward <paramref name="to"/> chosen by name: its id and its title in both languages come from
    /// the target step ("Chuyển đến «Lãnh đạo ký duyệt»"), so nobody has to type an id.
    /// </summary>
    public string AddActionTo(string stepId, string to)
    {
        var actions = (Step(stepId)?["actions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var id = $"to-{to}";
        for (var i = 2; actions.Exists(a => (string?)a["id"] == id); i++)
        {
            id = $"to-{to}-{i.ToString(CultureInfo.InvariantCulture)}";
        }

        var title = Step(to)?["title"];
        Add(stepId, new JsonObject
        {
            ["id"] = id,
            ["title"] = new JsonObject
            {
                ["vi"] = $"Chuyển đến «{TitleIn(title, false, to)}»", ["en"] = $"Send to “{TitleIn(title, true, to)}”",
            },
            ["to"] = to,
        });
        return id;
    }

    private void Add(string stepId, JsonObject action)
    {
        if (Step(stepId) is not { } step)
        {
            return;
        }

        if (step["actions"] is not JsonArray actions)
        {
            step["actions"] = actions = new JsonArray();
        }

        actions.Add(action);
    }

    public void SetActionTarget(string stepId, string actionId, string to)
    {
        if (Action(stepId, actionId) is { } action)
        {
            action["to"] = to.Trim();
        }
    }

    public void RemoveAction(string stepId, string actionId)
    {
        if (Action(stepId, actionId) is { } action && Step(stepId)?["actions"] is JsonArray actions)
        {
            actions.Remove(action);
        }
    }

    /// <summary>The documents an action issues, by id; none is written as no <c>documents</c> property.</summary>
    public void SetActionDocuments(string stepId, string actionId, IEnumerable<string> documents)
    {
        if (Action(stepId, actionId) is not { } action)
        {
            return;
        }

        var ids = documents.Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            action.Remove("documents");
        }
        else
        {
            action["documents"] = new JsonArray([.. ids.Select(id => (JsonNode?)JsonValue.Create(id))]);
        }
    }

    public static IReadOnlyList<string> ActionDocuments(JsonObject action) =>
        [.. (action["documents"] as JsonArray ?? []).Select(d => (string?)d).OfType<string>()];

    /// <summary>The documents the procedure declares (each with its template), by id and title.</summary>
    public IEnumerable<(string Id, JsonNode? Title)> Documents() =>
        (Root["documents"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(d => ((string?)d["id"] ?? "", d["title"]))
            .Where(d => d.Item1.Length > 0);

    public JsonObject? Action(string stepId, string actionId) =>
        (Step(stepId)?["actions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(a => (string?)a["id"] == actionId);

    /// <summary>Replaces a step with edited JSON; returns an error when the text is not a JSON object.</summary>
    public string? ReplaceStep(string id, string json)
    {
        if (Step(id) is not { } step)
        {
            return $"No step '{id}'.";
        }

        try
        {
            if (JsonNode.Parse(json) is not JsonObject edited)
            {
                return "A step is a JSON object.";
            }

            Steps[Steps.IndexOf(step)] = edited;
            return null;
        }
        catch (JsonException ex)
        {
            return ex.Message;
        }
    }

    public static string StepJson(JsonObject step) => step.ToJsonString(Indented);

    public void SetVersion(int version) => Root["version"] = version;

    public void SetStatutoryDays(decimal days) => Root["statutoryDeadline"] = new JsonObject { ["workingDays"] = days };

    public decimal? StatutoryDays => Root["statutoryDeadline"]?["workingDays"] is { } days ? Number(days) : null;

    /// <summary>
    /// A JSON number whatever CLR type the node holds (parsed text holds JsonElement, edits hold int or decimal).
    /// </summary>
    private static decimal Number(JsonNode node) =>
        decimal.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : 0;

    private string UniqueId(string stem)
    {
        for (var i = 1; ; i++)
        {
            var id = i == 1 ? stem : $"{stem}-{i.ToString(CultureInfo.InvariantCulture)}";
            if (Step(id) is null)
            {
                return id;
            }
        }
    }
}
