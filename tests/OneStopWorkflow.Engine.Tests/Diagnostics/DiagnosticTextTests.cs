using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Tests.Definitions;

namespace OneStopWorkflow.Engine.Tests.Diagnostics;

/// <summary>
/// Every diagnostic reads as a sentence in Vietnamese and in English, naming the step by its title: no code is
/// left without a sentence and no sentence is left with a value it does not carry.
/// </summary>
public sealed partial class DiagnosticTextTests
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly string[] Languages = ["vi", "en"];

    [Fact]
    public void Both_languages_have_a_sentence_for_the_same_keys()
    {
        Assert.Equal(
            DiagnosticText.Keys("en").Order(StringComparer.Ordinal),
            DiagnosticText.Keys("vi").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_code_written_in_the_engine_has_a_sentence_in_both_languages()
    {
        var codes = Directory
            .EnumerateFiles(Repository.PathOf("engine"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(
                $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Code().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.All(Languages, language => Assert.Contains(
            DiagnosticText.Keys(language), k => k == code || k.StartsWith(code + ".", StringComparison.Ordinal))));
    }

    [Theory]
    [MemberData(nameof(InvalidProcedureTests.Cases), MemberType = typeof(InvalidProcedureTests))]
    public void The_diagnostics_of_an_invalid_procedure_read_as_sentences_with_all_their_values(string name)
    {
        var folder = Repository.PathOf(
            "tests", "OneStopWorkflow.Engine.Tests", "Definitions", "InvalidProcedures", name);
        var source = Catalog.ReadVersion(folder, $"InvalidProcedures/{name}/procedure.json");
        source = source with
        {
            Files = source.Files.Where(f => f.Key.StartsWith("templates/", StringComparison.Ordinal))
                .ToImmutableDictionary(),
        };
        var result = ProcedureLoader.Load(source, Catalog.Context(new DateOnly(2026, 6, 1)));

        Assert.All(result.Diagnostics, d =>
        {
            Assert.Contains(d.Key, DiagnosticText.Keys("vi"));
            Assert.DoesNotContain("{", d.MessageIn(Vietnamese), StringComparison.Ordinal);
            Assert.DoesNotContain("{", d.MessageIn(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_step_without_an_action_is_named_by_its_title_in_each_language()
    {
        var diagnostic = Diagnostic.Error("OSW1104", "Task step 'check-tax' has no action.", default)
            .With("step", new LocalizedText("Kiểm tra thuế", "Check the tax"));

        Assert.Equal(
            "Bước «Kiểm tra thuế» chưa có thao tác nào, nên hồ sơ ở bước này không thể chuyển tiếp; "
                + "hãy thêm một thao tác.",
            diagnostic.MessageIn(Vietnamese));
        Assert.StartsWith("Step “Check the tax” has no action", diagnostic.MessageIn(CultureInfo.InvariantCulture),
            StringComparison.Ordinal);
        Assert.EndsWith("error OSW1104: Task step 'check-tax' has no action.", diagnostic.ToString(),
            StringComparison.Ordinal);
    }

    [GeneratedRegex("\"(OSW[0-9]{4})\"")]
    private static partial Regex Code();
}
