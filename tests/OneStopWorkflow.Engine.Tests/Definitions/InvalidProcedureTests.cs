using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Tests.Definitions;

/// <summary>
/// Each folder under InvalidProcedures/ holds a broken procedure file and the diagnostics it must produce
/// (code, file, line, column, message) in diagnostics.expected.txt.
/// </summary>
public sealed class InvalidProcedureTests
{
    private static readonly string Folder =
        Repository.PathOf("tests", "OneStopWorkflow.Engine.Tests", "Definitions", "InvalidProcedures");

    public static TheoryData<string> Cases() =>
        [.. Directory.EnumerateDirectories(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .OfType<string>()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_the_expected_diagnostics(string name)
    {
        var folder = Path.Combine(Folder, name);
        var todayFile = Path.Combine(folder, "today.txt");
        var today = File.Exists(todayFile)
            ? DateOnly.ParseExact(File.ReadAllText(todayFile).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : new DateOnly(2026, 6, 1);
        var source = Catalog.ReadVersion(folder, $"InvalidProcedures/{name}/procedure.json");
        source = source with
        {
            Files = source.Files.Where(f => f.Key.StartsWith("templates/", StringComparison.Ordinal))
                .ToImmutableDictionary(),
        };

        var result = ProcedureLoader.Load(source, Catalog.Context(today));

        Assert.NotEmpty(result.Diagnostics);
        Golden.Match(Path.Combine(folder, "diagnostics.expected.txt"),
            string.Concat(result.Diagnostics.Select(d => d + "\n")));
    }

    [Theory]
    [InlineData("malformed-json", "OSW1001")]
    [InlineData("unknown-property", "OSW1002")]
    [InlineData("missing-required-property", "OSW1003")]
    [InlineData("duplicate-step-id", "OSW1005")]
    [InlineData("duplicate-action-id", "OSW1006")]
    [InlineData("unknown-target", "OSW1101")]
    [InlineData("unreachable-step", "OSW1102")]
    [InlineData("no-way-to-end", "OSW1103")]
    [InlineData("task-without-action", "OSW1104")]
    [InlineData("rule-does-not-parse", "OSW2001")]
    [InlineData("rule-unknown-field", "OSW2002")]
    [InlineData("unknown-unit", "OSW1201")]
    [InlineData("unknown-role", "OSW1202")]
    [InlineData("unknown-withdrawal-role", "OSW1202")]
    [InlineData("negative-deadline", "OSW1301")]
    [InlineData("deadline-not-a-number", "OSW1301")]
    [InlineData("budget-exceeds-deadline", "OSW1302")]
    [InlineData("field-max-length-out-of-range", "OSW1010")]
    [InlineData("field-date-bound-unreadable", "OSW1011")]
    [InlineData("calendar-missing-year", "OSW3002")]
    [InlineData("template-missing", "OSW4001")]
    [InlineData("template-does-not-parse", "OSW4002")]
    [InlineData("template-misspelt-field", "OSW4003")]
    [InlineData("template-reaches-dotnet", "OSW4003")]
    [InlineData("template-endless-loop", "OSW4004")]
    [InlineData("template-reaches-outside", "OSW4005")]
    public void Each_check_has_its_own_code(string name, string code)
    {
        var expected = File.ReadAllText(Path.Combine(Folder, name, "diagnostics.expected.txt"));

        Assert.Contains($" {code}: ", expected, StringComparison.Ordinal);
    }
}
