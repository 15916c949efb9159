using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using OneStopWorkflow.Designer.Accounts;
using OneStopWorkflow.Designer.Localization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Catalog;
using static OneStopWorkflow.Designer.Localization.Text;

namespace OneStopWorkflow.Designer.Designing;

/// <summary>
/// One procedure version open in the editor: the stored version, the draft with its files and canvas positions,
/// and what the checks, the preview and the diff say of it. Each change is checked and saved through
/// the application layer, so the page only shows this state and forwards its events.
/// </summary>
public sealed class DraftSession(AppSession session)
{
    // Only the steps people dragged: every other step is placed by the layout each time it is drawn. The older
    // layout file held every step's automatic place, which would freeze the old layout, so it is dropped.
    private const string MovedStepsFile = "designer/moved-steps.json";
    private const string OldLayoutFile = "designer/layout.json";

    private Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private PathBudget? _budget;

    public string Code { get; private set; } = "";
    public int Version { get; private set; }

    /// <summary>The version as stored (its status and text), or null when the caller may not open it.</summary>
    public ProcedureVersionDocument? Stored { get; private set; }

    public DraftDocument? Draft { get; private set; }
    public bool ReadOnly => Stored?.Status != "draft";

    /// <summary>Where people dragged steps on the canvas; saved with the draft as one of its files.</summary>
    public Dictionary<string, (double X, double Y)> Positions { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];
    public IReadOnlyList<string> StepIds { get; private set; } = [];

    /// <summary>The titles of <see cref="StepIds"/>, in the same order.</summary>
    public IReadOnlyList<LocalizedText> StepTitles { get; private set; } = [];

    /// <summary>The errors a refused publish names, listed for people instead of the command line's lines.</summary>
    public ImmutableArray<Diagnostic> Refused { get; private set; } = [];

    /// <summary>The unit directory the draft is checked against: the roles and units the panel offers.</summary>
    public UnitDirectory Units { get; private set; } = UnitDirectory.Empty;

    /// <summary>The error messages of each step an error points at.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> StepProblems { get; private set; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The draft's last sound definition: while it has errors, its documents and previews stay.</summary>
    public ProcedureDefinition? Procedure { get; private set; }

    public string PathBudget { get; private set; } = "";
    public string? Problem { get; private set; }
    public string? Message { get; private set; }

    public string TemplateDocument { get; set; } = "";
    public string TemplateText { get; set; } = "";
    public string PreviewHtml { get; private set; } = "";
    public ImmutableArray<ProcedureChange> Changes { get; private set; } = [];

    public async Task LoadAsync(string code, int version, CancellationToken cancellationToken)
    {
        (Code, Version, Problem, Message, Procedure, _budget) = (code, version, null, null, null, null);
        Refused = [];
        var opened = await session.SendAsync(new GetProcedureVersion(code, version), cancellationToken);
        Stored = opened.Document;
        if (Stored is null)
        {
            (Draft, Problem) = (null, opened.Rejection is { } refused ? Text.Of(refused) : T("forbidden"));
            return;
        }

        Draft = DraftDocument.Parse(Stored.Json, out var error);
        Problem = error;
        _files = Stored.Files.ToDictionary(StringComparer.Ordinal);
        Positions.Clear();
        if (_files.TryGetValue(MovedStepsFile, out var layout)
            && JsonSerializer.Deserialize<Dictionary<string, double[]>>(layout) is { } saved)
        {
            foreach (var (id, xy) in saved.Where(p => p.Value.Length == 2))
            {
                Positions[id] = (xy[0], xy[1]);
            }
        }

        await RevalidateAsync(cancellationToken);
        TemplateDocument = Procedure?.Documents.FirstOrDefault()?.Id ?? "";
        await LoadTemplateAsync(cancellationToken);
    }

    /// <summary>Takes the whole procedure.json as edited, or says why it does not parse and keeps the draft.</summary>
    public string? ReplaceJson(string json)
    {
        if (DraftDocument.Parse(json, out var error) is not { } edited)
        {
            return error;
        }

        Draft = edited;
        return null;
    }

    /// <summary>Adds the action drawn on the canvas from one step to another; false if it cannot change.</summary>
    public bool Connect(string from, string to)
    {
        if (ReadOnly || Draft is null)
        {
            return false;
        }

        Draft.AddAction(from, $"to-{to}", to);
        return true;
    }

    /// <summary>Sets the statutory deadline to the typed number of working days; false if it is no number.</summary>
    public bool SetStatutoryDays(string? days)
    {
        if (!decimal.TryParse(days, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        Draft!.SetStatutoryDays(value);
        return true;
    }

    /// <summary>After an edit of the draft: checks it and saves it.</summary>
    public async Task ChangedAsync(CancellationToken cancellationToken)
    {
        await RevalidateAsync(cancellationToken);
        await SaveAsync(cancellationToken);
    }

    /// <summary>Saves a copy of this version as the next one and returns its number, or null when refused.</summary>
    public async Task<int?> NewDraftAsync(CancellationToken cancellationToken)
    {
        var versions = (await session.SendAsync(new ListProcedureVersions(), cancellationToken)).Versions;
        var next = versions.Where(v => v.Code == Code).Select(v => v.Version).DefaultIfEmpty(0).Max() + 1;
        var draft = DraftDocument.Parse(Stored!.Json, out _)!;
        draft.SetVersion(next);
        var outcome = await session.SendAsync(
            new SaveProcedureDraft(Code, next, draft.ToJson(), Stored.Files), cancellationToken);
        if (outcome.IsRefused)
        {
            Problem = outcome.Message;
            return null;
        }

        return next;
    }

    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        await SaveAsync(cancellationToken);
        if (RefuseWith([.. Diagnostics.Where(d => d.IsError)]))
        {
            return;
        }

        var outcome = await session.SendAsync(new PublishProcedureVersion(Code, Version), cancellationToken);
        if (outcome.IsRefused && RefuseWith([.. outcome.Diagnostics.Where(d => d.IsError)]))
        {
            return;
        }

        (Problem, Message) = outcome.IsRefused ? (outcome.Message, (string?)null) : ((string?)null, outcome.Message);
        if (!outcome.IsRefused)
        {
            Stored = (await session.SendAsync(new GetProcedureVersion(Code, Version), cancellationToken)).Document;
        }
    }

    /// <summary>Lists the errors that keep the draft from being published; false when there are none.</summary>
    private bool RefuseWith(ImmutableArray<Diagnostic> errors)
    {
        Refused = errors;
        if (errors.IsEmpty)
        {
            return false;
        }

        (Problem, Message) = (F("publish-refused", errors.Length), null);
        return true;
    }

    /// <summary>Shows the text of the chosen document's template, and its preview.</summary>
    public async Task LoadTemplateAsync(CancellationToken cancellationToken)
    {
        var template = Procedure?.FindDocument(TemplateDocument)?.Template;
        TemplateText = template is null ? ""
            : _files.GetValueOrDefault("templates/" + template)
                ?? Procedure?.Templates?.Files.GetValueOrDefault(template)?.Text ?? "";
        await PreviewAsync(cancellationToken);
    }

    /// <summary>After an edit of the template text: keeps it as the version's own file, checks, previews.</summary>
    public async Task TemplateChangedAsync(CancellationToken cancellationToken)
    {
        if (Procedure?.FindDocument(TemplateDocument)?.Template is { } template)
        {
            _files["templates/" + template] = TemplateText;
            await RevalidateAsync(cancellationToken);
            await PreviewAsync(cancellationToken);
        }
    }

    /// <summary>Renders the chosen document on a sample case, or shows the template diagnostics instead.</summary>
    public async Task PreviewAsync(CancellationToken cancellationToken)
    {
        if (Procedure is null || TemplateDocument.Length == 0)
        {
            PreviewHtml = string.Join("\n",
                Diagnostics.Where(d => d.Code.StartsWith("OSW4", StringComparison.Ordinal)));
            return;
        }

        var preview = await session.SendAsync(new PreviewDraft(Procedure, TemplateDocument), cancellationToken);
        PreviewHtml = preview.Rejection is { } refused ? Text.Of(refused) : preview.Html;
    }

    /// <summary>What changed since the version before this one.</summary>
    public async Task DiffAsync(CancellationToken cancellationToken)
    {
        Changes = [];
        if (Procedure is null || Version <= 1)
        {
            return;
        }

        var diff = await session.SendAsync(new DiffVersions(Code, Version - 1, Version), cancellationToken);
        Changes = diff.Changes;
        Problem = diff.Rejection is { } refused ? Text.Of(refused) : Problem;
    }

    private async Task RevalidateAsync(CancellationToken cancellationToken)
    {
        if (Draft is null)
        {
            return;
        }

        var checks = await session.SendAsync(
            new ValidateDraft(Code, Version, Draft.ToJson(), Files()), cancellationToken);
        Diagnostics = checks.Diagnostics;
        Units = checks.Units;
        Problem = checks.Rejection is { } refused ? Text.Of(refused) : Problem;
        if (checks.Procedure is not null)
        {
            (Procedure, _budget) = (checks.Procedure, checks.Budget);
        }

        StepIds = [.. Draft.StepObjects.Select(DraftDocument.Id)];
        StepTitles = [.. Draft.StepObjects.Select(s => new LocalizedText(
            DraftDocument.TitleIn(s["title"], false, DraftDocument.Id(s)),
            DraftDocument.TitleIn(s["title"], true, DraftDocument.Id(s))))];
        StepProblems = Diagnostics.Where(d => d.IsError)
            .Select(d => (Step: DiagnosticsList.StepOf(d, StepIds), Message: d.MessageIn(CultureInfo.CurrentUICulture)))
            .Where(p => p.Step is not null)
            .GroupBy(p => p.Step!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Message)], StringComparer.Ordinal);
        PathBudget = _budget is { } budget
            ? $"{budget.LongestMainPathHours:0.#} / {budget.StatutoryHours:0.#}"
            : "—";
    }

    /// <summary>After a step was dragged: keeps where it was put with the draft.</summary>
    public Task MovedAsync(CancellationToken cancellationToken) => SaveAsync(cancellationToken);

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (ReadOnly || Draft is null)
        {
            return;
        }

        _files.Remove(OldLayoutFile);
        _files[MovedStepsFile] = JsonSerializer.Serialize(Positions.ToDictionary(
            p => p.Key, p => new[] { Math.Round(p.Value.X), Math.Round(p.Value.Y) }));
        var outcome = await session.SendAsync(
            new SaveProcedureDraft(Code, Version, Draft.ToJson(), Files()), cancellationToken);
        (Problem, Refused) = (outcome.IsRefused ? outcome.Message : null, []);
    }

    private ImmutableDictionary<string, string> Files() => _files.ToImmutableDictionary(StringComparer.Ordinal);
}
