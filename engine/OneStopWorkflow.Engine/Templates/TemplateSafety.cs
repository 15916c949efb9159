using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Engine.Templates;

/// <summary>
/// A template is untrusted input: policy staff type it and procedures are imported from files. A paper is printed,
/// never run, so a template may hold no script, no event handler, no <c>javascript:</c> link, no embedded frame,
/// object or form, and fetch nothing from another host; each is an OSW4006–OSW4008 error naming the line.
/// </summary>
/// <remarks>
/// The template's source is parsed as HTML by AngleSharp, with its Scriban blocks as text: the model's values are
/// escaped when rendered (<see cref="TemplateSandbox"/>), so whatever a paper can run is written in the template
/// itself. The served documents also carry a Content-Security-Policy that allows no script, in case one slipped by.
/// </remarks>
public static class TemplateSafety
{
    /// <summary>Script, an event handler attribute or a script URL.</summary>
    public const string ActiveContent = "OSW4006";

    /// <summary>A frame, object, embed, applet, form or base element: another document inside the paper.</summary>
    public const string EmbeddedContent = "OSW4007";

    /// <summary>A picture, style sheet, font or other resource fetched from another host.</summary>
    public const string ForeignResource = "OSW4008";

    private static readonly HashSet<string> Scripts = new(StringComparer.OrdinalIgnoreCase) { "script", "noscript" };

    private static readonly HashSet<string> Embedded = new(StringComparer.OrdinalIgnoreCase)
    {
        "iframe", "frame", "frameset", "object", "embed", "applet", "form", "base", "portal", "fencedframe",
    };

    /// <summary>Attributes whose value a browser fetches or follows.</summary>
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "srcset", "action", "formaction", "data", "poster", "background", "xlink:href", "ping",
        "lowsrc", "dynsrc", "codebase", "cite", "longdesc", "manifest", "icon",
    };

    private static readonly string[] ScriptSchemes = ["javascript:", "vbscript:", "livescript:"];

    /// <summary>Schemes a link (not a resource) may use to leave the paper: a web page, mail, a phone number.</summary>
    private static readonly string[] LinkSchemes = ["http:", "https:", "mailto:", "tel:"];

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    /// <summary>Adds an error for each unsafe construct of <paramref name="file"/>, at its line and column.</summary>
    public static void Check(TemplateFile file, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var document = Parser.ParseDocument(file.Text);
        foreach (var element in document.All)
        {
            foreach (var (code, message) in Problems(element))
            {
                var at = element.SourceReference?.Position;
                diagnostics.Error(code, $"Template '{file.Name}': {message}",
                    new SourceLocation(file.Path, at?.Line ?? 1, at?.Column ?? 1));
            }
        }
    }

    private static IEnumerable<(string Code, string Message)> Problems(IElement element)
    {
        var tag = element.LocalName;
        if (Scripts.Contains(tag))
        {
            yield return (ActiveContent, $"<{tag}> is not allowed; a paper is printed, never run.");
            yield break;
        }

        if (Embedded.Contains(tag))
        {
            yield return (EmbeddedContent, $"<{tag}> is not allowed; a paper holds no other document.");
            yield break;
        }

        if (tag == "meta" && element.GetAttribute("http-equiv") is { } equiv
            && equiv.Trim().Equals("refresh", StringComparison.OrdinalIgnoreCase))
        {
            yield return (ActiveContent, "<meta http-equiv=\"refresh\"> is not allowed.");
        }

        foreach (var attribute in element.Attributes)
        {
            var name = attribute.Name;
            var value = attribute.Value;
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                yield return (ActiveContent, $"the event handler attribute '{name}' is not allowed.");
            }
            else if (UrlAttributes.Contains(name) && UrlProblem(tag, name, value) is { } problem)
            {
                yield return problem;
            }
            else if (name.Equals("style", StringComparison.OrdinalIgnoreCase) && StyleProblem(value) is { } style)
            {
                yield return style;
            }
        }

        if (tag == "style" && StyleProblem(element.TextContent) is { } sheet)
        {
            yield return sheet;
        }
    }

    /// <summary>
    /// A script URL anywhere is refused; a resource (picture, style sheet…) may come only from this paper: a path,
    /// an anchor, an embedded <c>data:image/…</c>, or a Scriban value. A link (<c>a href</c>) may also go to the web.
    /// </summary>
    private static (string, string)? UrlProblem(string tag, string attribute, string value)
    {
        // Browsers ignore whitespace and control characters inside a scheme: "java\tscript:" is still script.
        var compact = new string([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]);
        if (ScriptSchemes.Any(s => compact.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return (ActiveContent, $"the {attribute} of <{tag}> is a script URL.");
        }

        if (compact.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return compact.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)
                && !compact.StartsWith("data:image/svg", StringComparison.OrdinalIgnoreCase)
                ? null
                : (ActiveContent, $"the {attribute} of <{tag}> embeds data that is not a picture.");
        }

        var isLink = tag is "a" or "area" && attribute.Equals("href", StringComparison.OrdinalIgnoreCase);
        if (isLink && LinkSchemes.Any(s => compact.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return compact.StartsWith("//", StringComparison.Ordinal) || HasScheme(compact)
            ? (ForeignResource, $"the {attribute} of <{tag}> fetches '{Shorten(value)}' from another host; "
                + "a paper fetches nothing: embed pictures as data:image/png or data:image/jpeg.")
            : null;
    }

    private static (string, string)? StyleProblem(string css)
    {
        var compact = new string([.. css.Where(c => !char.IsWhiteSpace(c) && c != '\\')]);
        if (compact.Contains("expression(", StringComparison.OrdinalIgnoreCase)
            || ScriptSchemes.Any(s => compact.Contains(s, StringComparison.OrdinalIgnoreCase))
            || compact.Contains("behavior:", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("-moz-binding", StringComparison.OrdinalIgnoreCase))
        {
            return (ActiveContent, "the style runs script.");
        }

        if (compact.Contains("@import", StringComparison.OrdinalIgnoreCase))
        {
            return (ForeignResource, "the style imports another style sheet.");
        }

        var index = 0;
        while ((index = compact.IndexOf("url(", index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            index += "url(".Length;
            var target = compact[index..].TrimStart('\'', '"');
            if (!target.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)
                && (target.StartsWith("//", StringComparison.Ordinal) || HasScheme(target)))
            {
                return (ForeignResource, "the style fetches a resource from another host.");
            }
        }

        return null;
    }

    /// <summary>"https:", "ftp:"… before any slash, question mark or hash: an absolute URL.</summary>
    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && url[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')
            && char.IsAsciiLetter(url[0]);
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
