using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Engine.Tests.Refusals;

/// <summary>
/// Every refusal reads in Vietnamese and in English: no code, variant or placeholder is left without text.
/// </summary>
public sealed partial class RejectionTextTests
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly string[] Languages = ["vi", "en"];
    private static readonly string[] Sources = ["engine", "designer"];

    [Fact]
    public void Both_languages_have_a_message_for_the_same_keys()
    {
        Assert.Equal(
            RejectionText.Keys("en").Order(StringComparer.Ordinal),
            RejectionText.Keys("vi").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_code_has_a_message_in_both_languages()
    {
        var codes = typeof(RejectionCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.All(codes, code => Assert.All(Languages, language =>
            Assert.Contains(
                RejectionText.Keys(language),
                k => k == code || k.StartsWith(code + ".", StringComparison.Ordinal))));
    }

    /// <summary>
    /// Each <c>Rejection.Of(RejectionCodes.X, "variant")</c> written in the code names a key both languages have.
    /// </summary>
    [Fact]
    public void Every_refusal_written_in_the_code_has_its_message_in_both_languages()
    {
        var codes = typeof(RejectionCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal);
        var keys = Sources
            .SelectMany(folder =>
                Directory.EnumerateFiles(Repository.PathOf(folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains(
                $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Written().Matches(File.ReadAllText(f)))
            .Select(m => codes[m.Groups["code"].Value]
                + (m.Groups["variant"].Success ? "." + m.Groups["variant"].Value : ""))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.All(Languages, language => Assert.Contains(key, RejectionText.Keys(language))));
    }

    [Fact]
    public void A_message_names_its_values_in_the_readers_language()
    {
        var rejection = Rejection.Of(RejectionCodes.FieldRequired).On("parcel_number")
            .With("field", "parcel_number")
            .With("label", new Engine.Definitions.LocalizedText("Số thửa", "Parcel number"));

        Assert.Equal("Cần nhập Số thửa.", rejection.MessageIn(Vietnamese));
        Assert.Equal(
            "Field 'parcel_number' (Parcel number) is required.",
            rejection.MessageIn(CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal(rejection.MessageIn(CultureInfo.InvariantCulture), rejection.Message);
    }

    [GeneratedRegex(@"Rejection\.Of\(\s*RejectionCodes\.(?<code>\w+)(?:\s*,\s*""(?<variant>[a-z-]+)"")?\s*\)")]
    private static partial Regex Written();
}
