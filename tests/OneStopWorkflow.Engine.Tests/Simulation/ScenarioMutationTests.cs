using System.Text.RegularExpressions;
using CsCheck;
using OneStopWorkflow.Engine.Simulation;

namespace OneStopWorkflow.Engine.Tests.Simulation;

/// <summary>
/// Scenarios are authored content, so reading one never throws: a sample mutated at random (truncated, characters
/// deleted or inserted, values swapped or replaced) reads as a scenario or as located diagnostics.
/// </summary>
public sealed partial class ScenarioMutationTests
{
    private const string File = "mutated.json";

    private static readonly string[] Samples =
    [
        .. Directory.EnumerateFiles(Repository.PathOf("procedures"), "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "samples")
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(System.IO.File.ReadAllText),
    ];

    private static readonly string[] Insertions =
        ["{", "}", "[", "]", "\"", ",", ":", "\\", " ", "0", "-", ".", "e", "null", "true", "\n", "é", "\ud83d", "/*"];

    private static readonly string[] Replacements =
    [
        "null", "0", "-1", "1.5", "12345678901", "1e400", "true", "false", "[]", "{}", "\"\"", "\"x\"",
        "\"2026-02-30T09:00:00+07:00\"", "\"2026-03-02T09:00:00Z\"", "\"tick\"", "\"act\"", "\"\\uD800\"",
        "[1, { \"unit\": 2 }]", "{ \"at\": 1 }",
    ];

    private static readonly Gen<Edit> Edits = Gen.Select(
        Gen.Int[0, 4], Gen.Double[0, 1], Gen.Int[1, 40], Gen.Int[0, 999],
        (kind, at, length, pick) => new Edit(kind, at, length, pick));

    [Fact]
    public void Mutated_samples_read_as_a_scenario_or_as_diagnostics_never_as_an_exception()
    {
        Gen.Select(Gen.Int[0, Samples.Length - 1], Edits.Array[1, 4]).Sample((sample, edits) =>
        {
            var text = edits.Aggregate(Samples[sample], Apply);

            var result = ScenarioRunner.Parse(text, File);

            Assert.Equal(result.Scenario is null, result.HasErrors);
            Assert.All(result.Diagnostics, d =>
            {
                Assert.Matches("^OSW[0-9]{4}$", d.Code);
                Assert.Equal(File, d.Location.File);
                Assert.InRange(d.Location.Line, 1, text.Count(c => c == '\n') + 1);
                Assert.True(d.Location.Column >= 1, $"{d} has no column");
                Assert.False(string.IsNullOrWhiteSpace(d.Message));
            });
        }, iter: 3000);
    }

    private static string Apply(string text, Edit edit)
    {
        var at = (int)(edit.At * text.Length);
        switch (edit.Kind)
        {
            case 0:
                return text[..at];
            case 1:
                return text.Remove(at, Math.Min(edit.Length, text.Length - at));
            case 2:
                return text.Insert(at, Insertions[edit.Pick % Insertions.Length]);
            case 3:
                var strings = StringLiteral().Matches(text);
                var other = (int)(edit.At * strings.Count) % Math.Max(1, strings.Count);
                return strings.Count < 2 ? text : Swap(text, strings[edit.Pick % strings.Count], strings[other]);
            default:
                var values = Value().Matches(text);
                if (values.Count == 0)
                {
                    return text;
                }

                var value = values[edit.Pick % values.Count];
                return text.Remove(value.Index, value.Length)
                    .Insert(value.Index, Replacements[(int)(edit.At * Replacements.Length) % Replacements.Length]);
        }
    }

    /// <summary>Swaps two string literals, which also turns property names into values and values into names.</summary>
    private static string Swap(string text, Match a, Match b)
    {
        if (a.Index == b.Index)
        {
            return text;
        }

        var (first, second) = a.Index < b.Index ? (a, b) : (b, a);
        return string.Concat(text[..first.Index], second.Value,
            text[(first.Index + first.Length)..second.Index], first.Value, text[(second.Index + second.Length)..]);
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("(?<=:\\s*)(?:\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.]+|true|false|null)")]
    private static partial Regex Value();

    /// <summary>One random change: its kind, where in the text (0 to 1), how many characters, and a choice.</summary>
    private sealed record Edit(int Kind, double At, int Length, int Pick);
}
