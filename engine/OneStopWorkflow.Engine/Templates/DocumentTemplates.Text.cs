using System.Collections.Immutable;
using OneStopWorkflow.Engine.Diagnostics;
using Scriban;
using Scriban.Syntax;

namespace OneStopWorkflow.Engine.Templates;

/// <summary>
/// Plain-text templates of a version (<c>*.sbn-txt</c>, the mails): rendered on the same model as the papers, with the
/// model's texts as they are (no markup to escape), checked on the specimen when the version is loaded.
/// </summary>
public sealed partial class DocumentTemplates
{
    /// <summary>How a plain-text template's file name ends.</summary>
    public const string TextSuffix = ".sbn-txt";

    /// <summary>A plain-text template whose first line, the subject, comes out empty.</summary>
    public const string EmptySubject = "OSW4009";

    /// <summary>
    /// Renders the plain-text template <paramref name="name"/>: the version's own, else the one in
    /// <paramref name="shared"/>; null when neither has it.
    /// </summary>
    public string? RenderText(string name, DocumentModel model, IReadOnlyDictionary<string, string> shared)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(shared);
        TemplateFile file;
        Template? template;
        var files = _files;
        if (_files.TryGetValue(name, out var own))
        {
            (file, template) = (own, _parsed.Value.GetValueOrDefault(name));
        }
        else if (shared.TryGetValue(name, out var text))
        {
            file = new TemplateFile(name, "templates/" + name, text);
            files = files.SetItem(name, file);
            template = TemplateSandbox.Parse(file);
        }
        else
        {
            return null;
        }

        if (template is null || template.HasErrors)
        {
            throw new TemplateRenderException(_procedure.Code.Value, _procedure.Version, name,
                new SourceLocation(file.Path, 1, 1), "the template does not parse", null);
        }

        try
        {
            return TemplateSandbox.Render(template, model, files, _parsed.Value, plainText: true);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new TemplateRenderException(_procedure.Code.Value, _procedure.Version, name,
                Location(ex.Span, file.Path), ex.OriginalMessage, ex);
        }
    }

    /// <summary>
    /// Parses every plain-text template and renders it once on <paramref name="specimen"/>: one that does not parse,
    /// fails, or gives an empty subject line is an error of the version.
    /// </summary>
    private static void CheckTexts(
        ImmutableDictionary<string, TemplateFile> files, DocumentModel specimen, DiagnosticBag diagnostics)
    {
        foreach (var file in files.Values.Where(f => f.Name.EndsWith(TextSuffix, StringComparison.Ordinal))
                     .OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var template = TemplateSandbox.Parse(file);
            if (template.HasErrors)
            {
                foreach (var message in template.Messages.Where(m => m.Type == Scriban.Parsing.ParserMessageType.Error))
                {
                    diagnostics.Error("OSW4002", $"Template '{file.Name}' does not parse: {message.Message}",
                        Location(message.Span, file.Path));
                }

                continue;
            }

            try
            {
                var text = TemplateSandbox.Render(template, specimen, files, plainText: true);
                if (Mail.MailRenderer.Split(text).Subject.Length == 0)
                {
                    diagnostics.Error(EmptySubject,
                        $"Template '{file.Name}': its first line is the mail's subject and comes out empty; "
                        + "write the subject on the first line and the body after a blank line.",
                        new SourceLocation(file.Path, 1, 1));
                }
            }
            catch (ScriptRuntimeException ex)
            {
                var (code, advice) = Classify(ex.OriginalMessage);
                diagnostics.Error(code,
                    $"Template '{file.Name}' fails: {ex.OriginalMessage.TrimEnd('.')}. {advice}",
                    Location(ex.Span, file.Path));
            }
        }
    }
}
