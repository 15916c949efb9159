using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace OneStopWorkflow.Engine.Templates;

/// <summary>
/// The only way templates run: strict variables and members, no .NET object reachable (the model is handed over
/// as plain script objects), no clock, includes only of the version's own and the shared templates, and limits
/// on loops, recursion and output so that no template can hang or flood.
/// </summary>
internal static class TemplateSandbox
{
    public const int LoopLimit = 10_000;
    public const int RecursiveLimit = 20;
    public const int OutputLimit = 2_000_000;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static Template Parse(TemplateFile file) => Template.Parse(file.Text, file.Path);

    /// <summary>
    /// The built-in functions templates may call, built once and read-only (building them costs more than a render):
    /// no clock, no randomness, no regular expressions (their time-outs are the only unbounded cost left).
    /// </summary>
    private static readonly BuiltinFunctions Builtins = Rules.ScriptBuiltins.Frozen(builtins =>
    {
        builtins.Remove("date");
        builtins.Remove("regex");
        if (builtins["math"] is ScriptObject math)
        {
            math.Remove("random");
            math.Remove("uuid");
        }
    });

    /// <summary>
    /// Renders <c>template</c> on <c>model</c>; with <c>plainText</c> (a mail's subject and body, no markup) the
    /// model's texts are given as they are, else HTML-escaped.
    /// </summary>
    public static string Render(
        Template template, object model, ImmutableDictionary<string, TemplateFile> files,
        IReadOnlyDictionary<string, Template>? parsed = null, bool plainText = false)
    {
        var context = new TemplateContext(Builtins)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedTargetAccess = false,
            EnableRelaxedFunctionAccess = false,
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            OutputLimit = OutputLimit,
            LimitToString = OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            OnStringLimit = ScriptLimitBehavior.Throw,
            MemberFilter = _ => false,
            TemplateLoader = new Loader(files),
        };
        foreach (var (name, partial) in parsed ?? ImmutableDictionary<string, Template>.Empty)
        {
            // Parsed templates are immutable: includes reuse them instead of parsing the partials on every render.
            context.CachedTemplates[name] = partial;
        }

        context.PushCulture(Vietnamese);
        context.PushGlobal((ScriptObject)ToScript(model, plainText ? static t => t : Escape)!);
        return template.Render(context);
    }

    /// <summary>
    /// The model as plain script objects: records become objects with snake_case members, dictionaries keep their
    /// keys, sequences become arrays, texts are escaped, whole numbers are ints and other numbers decimals.
    /// </summary>
    private static object? ToScript(object? value, Func<string, string> text)
    {
        switch (value)
        {
            case null: return null;
            case string words: return text(words);
            case bool flag: return flag;
            case int or short or byte or long or decimal or double or float:
                var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return decimal.IsInteger(number) && number is >= int.MinValue and <= int.MaxValue
                    ? (int)number
                    : number;
            case Enum: return Convert.ToInt32(value, CultureInfo.InvariantCulture);
            case System.Collections.IDictionary dictionary:
                var map = new ScriptObject(dictionary.Count);
                foreach (System.Collections.DictionaryEntry entry in dictionary)
                {
                    map.Add((string)entry.Key, ToScript(entry.Value, text));
                }

                return map;
            case System.Collections.IEnumerable items:
                var array = new ScriptArray();
                foreach (var item in items)
                {
                    array.Add(ToScript(item, text));
                }

                return array;
            default:
                var members = Members.GetOrAdd(value.GetType(), static type =>
                    [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                        .Where(p => p.GetIndexParameters().Length == 0)
                        .Select(p => (JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name), p))]);
                var script = new ScriptObject(members.Length);
                foreach (var (name, property) in members)
                {
                    script.Add(name, ToScript(property.GetValue(value), text));
                }

                return script;
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<
        Type, (string Name, PropertyInfo Property)[]> Members = new();

    /// <summary>
    /// Every text of the model is HTML-escaped before a template sees it: a citizen's name can never become markup
    /// on an official paper or in the browser that shows it.
    /// </summary>
    private static string Escape(string text) => text.IndexOfAny(['&', '<', '>', '"', '\'']) < 0
        ? text
        : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&#39;", StringComparison.Ordinal);

    /// <summary>
    /// Includes resolve by name among the version's files and the shared templates; nothing else is reachable.
    /// </summary>
    private sealed class Loader(ImmutableDictionary<string, TemplateFile> files) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
            files.ContainsKey(templateName)
                ? templateName
                : throw new ScriptRuntimeException(callerSpan,
                    $"include '{templateName}' is not allowed: a template may include only the version's templates "
                    + $"and the shared ones ({string.Join(", ", files.Keys.Order(StringComparer.Ordinal))}).");

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            files[templatePath].Text;

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
