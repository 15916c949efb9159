using System.Collections.Immutable;
using System.Text;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Refusals;

/// <summary>Puts values into a message that names them as <c>{name}</c>, each in the message's language.</summary>
internal static class MessageTemplate
{
    public static string Fill(string template, ImmutableDictionary<string, LocalizedText> values, bool vietnamese)
    {
        var text = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                text.Append(template[i]);
                continue;
            }

            var name = template[(i + 1)..close];
            text.Append(values.TryGetValue(name, out var value) ? (vietnamese ? value.Vi : value.En) : $"{{{name}}}");
            i = close;
        }

        return text.ToString();
    }
}
