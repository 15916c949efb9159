using System.Text;
using System.Text.RegularExpressions;

namespace OneStopWorkflow.Engine.Json;

internal static partial class Names
{
    /// <summary>PascalCase enum member to the kebab-case word used in procedure files.</summary>
    public static string Kebab(string pascal)
    {
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

    public static bool IsKebab(string id) => KebabPattern().IsMatch(id);

    public static bool IsSnake(string id) => SnakePattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakePattern();
}
