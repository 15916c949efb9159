using System.Text;
using System.Text.RegularExpressions;

namespace OneStopWorkflow.Engine.Json;

/// <summary>
/// The spelling of identifiers in procedure files and on the trail: kebab-case words, snake_case fields.
/// </summary>
public static partial class Names
{
    /// <summary>
    /// PascalCase name (an enum member, an event type) to the kebab-case word used in files and trails.
    /// </summary>
    public static string Kebab(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }

    /// <summary>True for lower-case words joined by hyphens.</summary>
    public static bool IsKebab(string id) => KebabPattern().IsMatch(id);

    /// <summary>True for a lower-case identifier with underscores.</summary>
    public static bool IsSnake(string id) => SnakePattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakePattern();
}
