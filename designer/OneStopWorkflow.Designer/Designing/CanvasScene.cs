using System.Globalization;
using System.Text.Json.Nodes;
using OneStopWorkflow.Hosting.Catalog;
using static OneStopWorkflow.Designer.Localization.Text;

namespace OneStopWorkflow.Designer.Designing;

/// <summary>
/// What the canvas draws of a draft, in the UI language: a card per step (and a "?" card per missing step a link
/// points at), and the links with the actions' titles. Its <see cref="Graph"/> is what <see cref="CanvasLayout"/>
/// places.
/// </summary>
public sealed record CanvasScene(IReadOnlyList<StepCard> Cards, IReadOnlyList<CanvasScene.Link> Links)
{
    public const string MissingPrefix = "?";

    /// <summary>A link to draw; <see cref="ToMissing"/> when it points at no step.</summary>
    public sealed record Link(DraftLink Draft, LinkLabelCard? Label, bool ToMissing)
    {
        public string Key => Draft.Key;
        public string From => Draft.From;
        public string To => ToMissing ? MissingPrefix + Draft.To : Draft.To;
    }

    /// <summary>The steps a case passes when every step takes its first way out, from the start.</summary>
    public IReadOnlyList<string> MainPath { get; init; } = [];

    public CanvasGraph Graph => new(
        [.. Cards.Select(c => new CanvasGraph.Box(c.Id, c.Width, c.Height))],
        [.. Links.Select(l => new CanvasGraph.Link(l.Key, l.From, l.To, l.Label?.Width ?? 0, l.Label?.Height ?? 0))])
    {
        MainPath = MainPath,
    };

    /// <summary>The scene of a draft; <paramref name="names"/> gives roles and units their names.</summary>
    public static CanvasScene Of(
        DraftDocument draft, CodeNames? names, IReadOnlyDictionary<string, IReadOnlyList<string>>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var cards = draft.StepObjects.Select(s => CardOf(draft, s, names, problems)).ToList();
        var steps = cards.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var links = new List<Link>();
        foreach (var link in draft.Links())
        {
            var missing = !steps.Contains(link.To);
            if (link.Kind is DraftLinkKind.Join && !missing)
            {
                // Which join closes a parallel step's branches is not a way a case goes: the branches lead there.
                continue;
            }

            if (missing && cards.All(c => c.Id != MissingPrefix + link.To))
            {
                cards.Add(new StepCard(MissingPrefix + link.To, StepShape.Missing, T("card-missing"),
                    link.To.Length == 0 ? "?" : $"? «{link.To}»", null, [T("card-missing-help")], []));
            }

            var label = link.Kind switch
            {
                DraftLinkKind.Action => link.Title(IsEnglish),
                DraftLinkKind.Resubmit => T("link-resubmit"),
                _ => null,
            };
            links.Add(new Link(link, label is { Length: > 0 } ? new LinkLabelCard(label) : null, missing));
        }

        return new CanvasScene(cards, links) { MainPath = MainPathOf(draft, links) };
    }

    private static List<string> MainPathOf(DraftDocument draft, List<Link> links)
    {
        var path = new List<string>();
        var first = links.Where(l => l.Draft.Kind is not DraftLinkKind.Resubmit).GroupBy(l => l.From)
            .ToDictionary(g => g.Key, g => g.First().To, StringComparer.Ordinal);
        for (var at = (string?)draft.Root["start"]; at is not null && !path.Contains(at);
             at = first.GetValueOrDefault(at))
        {
            path.Add(at);
        }

        return path;
    }

    private static StepCard CardOf(
        DraftDocument draft, JsonObject step, CodeNames? names,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? problems)
    {
        var id = DraftDocument.Id(step);
        var title = DraftDocument.Text(step["title"], IsEnglish ? "en" : "vi") ?? id;
        var shape = ShapeOf(step);
        var details = new List<string>();
        if ((string?)step["awaits"] is { } awaits)
        {
            details.Add(T("awaits-" + awaits));
        }

        if ((string?)step["role"] is { Length: > 0 } role)
        {
            details.Add(names is null ? role : In(names.Role(role)));
        }

        if (shape is StepShape.Task || step["unit"] is not null)
        {
            details.Add(UnitOf(draft, step, names, 0));
        }

        return new StepCard(id, shape, T("card-" + shape.ToString().ToLowerInvariant()), title, BudgetOf(step),
            details, problems?.GetValueOrDefault(id) ?? []);
    }

    private static StepShape ShapeOf(JsonObject step) => DraftDocument.Kind(step) switch
    {
        "wait" => (string?)step["clock"] switch
        {
            "restart" => StepShape.WaitRestart,
            "run" => StepShape.WaitRun,
            _ => StepShape.WaitPause,
        },
        "parallel" => StepShape.Parallel,
        "join" => StepShape.Join,
        "auto" => StepShape.Auto,
        "end" => (string?)step["outcome"] switch
        {
            "resolved" => StepShape.EndResolved,
            "refused" => StepShape.EndRefused,
            _ => StepShape.EndOther,
        },
        _ => StepShape.Task,
    };

    /// <summary>The unit in words; "step:x" is the unit of step x, as the engine assigns it.</summary>
    private static string UnitOf(DraftDocument draft, JsonObject step, CodeNames? names, int depth) =>
        step["unit"] switch
        {
            null => T("unit-receiving"),
            JsonObject => T("unit-by-rule"),
            var unit when (string?)unit is "receiving" => T("unit-receiving"),
            var unit when (string?)unit is { } code && code.StartsWith("step:", StringComparison.Ordinal) =>
                depth < 8 && draft.Step(code["step:".Length..]) is { } earlier
                    ? UnitOf(draft, earlier, names, depth + 1)
                    : T("unit-receiving"),
            var unit => names is null ? (string?)unit ?? "" : In(names.Unit((string?)unit ?? "")),
        };

    private static string? BudgetOf(JsonObject step)
    {
        if (DraftDocument.Budget(step) is not { } budget)
        {
            return null;
        }

        var culture = IsEnglish ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("vi-VN");
        return F(budget.Days ? "badge-days" : "badge-hours", budget.Amount.ToString("0.##", culture));
    }
}
