using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using Scriban;
using Scriban.Syntax;

namespace OneStopWorkflow.Engine.Templates;

/// <summary>
/// The parsed templates of a procedure version, one per document. They were checked at load time against a
/// specimen model, so a misspelt field, a runaway loop or a forbidden include never reaches a citizen's paper.
/// </summary>
public sealed class DocumentTemplates
{
    private readonly ProcedureDefinition _procedure;
    private readonly ImmutableDictionary<string, TemplateFile> _files;
    private readonly ImmutableDictionary<string, (Template Template, TemplateFile File)> _documents;
    private readonly Lazy<ImmutableDictionary<string, Template>> _parsed;
    private readonly ImmutableHashSet<string> _printingQrCode;

    private DocumentTemplates(
        ProcedureDefinition procedure, ImmutableDictionary<string, TemplateFile> files,
        ImmutableDictionary<string, (Template, TemplateFile)> documents)
    {
        _procedure = procedure;
        _files = files;
        _documents = documents;
        _parsed = new(() => files.Select(f => (f.Key, Template: TemplateSandbox.Parse(f.Value)))
            .Where(f => !f.Template.HasErrors)
            .ToImmutableDictionary(f => f.Key, f => f.Template, StringComparer.Ordinal));
        var partialPrints = files.Values.Any(f => f.Name.StartsWith('_') && Prints(f));
        _printingQrCode = documents.Where(d => partialPrints || Prints(d.Value.Item2)).Select(d => d.Key)
            .ToImmutableHashSet(StringComparer.Ordinal);
    }

    private static bool Prints(TemplateFile file) => file.Text.Contains(QrCodeName, StringComparison.Ordinal);

    /// <summary>
    /// Every template a version can use by name: its own templates/ files first, then the shared ones.
    /// </summary>
    public static ImmutableDictionary<string, TemplateFile> Resolve(ProcedureSource source, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var files = context.SharedTemplates.ToImmutableDictionary(
            t => t.Key, t => new TemplateFile(t.Key, context.SharedTemplatesFolder + t.Key, t.Value),
            StringComparer.Ordinal);
        foreach (var (path, text) in source.Files.Where(f => f.Key.StartsWith("templates/", StringComparison.Ordinal)))
        {
            var name = path["templates/".Length..];
            files = files.SetItem(name, new TemplateFile(name, source.Folder + path, text));
        }

        return files;
    }

    /// <summary>
    /// Checks every template for script and foreign content, parses every document's template and renders it once
    /// on a specimen; problems become OSW4xxx diagnostics.
    /// </summary>
    public static DocumentTemplates Compile(
        ProcedureDefinition procedure, ImmutableDictionary<string, TemplateFile> files, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var documents = ImmutableDictionary.CreateBuilder<string, (Template, TemplateFile)>(StringComparer.Ordinal);
        var specimen = Specimen.For(procedure);
        foreach (var file in files.Values.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            TemplateSafety.Check(file, diagnostics);
        }

        foreach (var document in procedure.Documents)
        {
            if (!files.TryGetValue(document.Template, out var file))
            {
                continue;
            }

            var template = TemplateSandbox.Parse(file);
            if (template.HasErrors)
            {
                foreach (var message in template.Messages.Where(m => m.Type == Scriban.Parsing.ParserMessageType.Error))
                {
                    diagnostics.Error("OSW4002",
                        $"Template of document '{document.Id}' does not parse: {message.Message}",
                        Location(message.Span, file.Path));
                }

                continue;
            }

            try
            {
                TemplateSandbox.Render(template, specimen, files);
                documents[document.Id] = (template, file);
            }
            catch (ScriptRuntimeException ex)
            {
                var (code, advice) = Classify(ex.OriginalMessage);
                diagnostics.Error(code,
                    $"Template of document '{document.Id}' fails: {ex.OriginalMessage.TrimEnd('.')}. {advice}",
                    Location(ex.Span, file.Path));
            }
        }

        return new DocumentTemplates(procedure, files, documents.ToImmutable());
    }

    /// <summary>
    /// Whether the document's template, or a partial it may include, prints the lookup QR code
    /// (<c>lookup.qr_code</c>); the model of any other document is built without drawing one.
    /// </summary>
    public bool PrintsQrCode(string documentId) => _printingQrCode.Contains(documentId);

    private const string QrCodeName = "qr_code";

    /// <summary>Whether the document's template loaded and passed its checks, so that it can be rendered.</summary>
    public bool CanRender(string documentId) => _documents.ContainsKey(documentId);

    /// <summary>Renders a document; the same model always gives the same text.</summary>
    public string Render(string documentId, DocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!_documents.TryGetValue(documentId, out var compiled))
        {
            throw new ArgumentException(
                $"{_procedure.Code} v{_procedure.Version} has no renderable document '{documentId}'.",
                nameof(documentId));
        }

        try
        {
            return TemplateSandbox.Render(compiled.Template, model, _files, _parsed.Value);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new TemplateRenderException(_procedure.Code.Value, _procedure.Version, documentId,
                Location(ex.Span, compiled.File.Path), ex.OriginalMessage, ex);
        }
    }

    /// <summary>The template files by name, as the version resolved them.</summary>
    public ImmutableDictionary<string, TemplateFile> Files => _files;

    private static SourceLocation Location(Scriban.Parsing.SourceSpan span, string fallback) =>
        new(string.IsNullOrEmpty(span.FileName) ? fallback : span.FileName,
            span.Start.Line + 1, span.Start.Column + 1);

    private static (string Code, string Advice) Classify(string message) =>
        message.Contains("iteration limit", StringComparison.Ordinal)
            || message.Contains("recursive", StringComparison.Ordinal)
            || message.Contains("OutputLimit", StringComparison.Ordinal)
            || message.Contains("LimitToString", StringComparison.Ordinal)
            ? ("OSW4004", $"Templates may loop {TemplateSandbox.LoopLimit} times, "
                + $"recurse {TemplateSandbox.RecursiveLimit} deep "
                + $"and write {TemplateSandbox.OutputLimit} characters.")
            : message.Contains("include", StringComparison.Ordinal)
                ? ("OSW4005", "Put the partial in the version's templates/ folder or the shared templates folder.")
                : ("OSW4003", "Templates may use only the document model (see procedures/README.md, \"Documents\"); "
                    + "check the spelling.");
}
