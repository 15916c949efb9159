namespace OneStopWorkflow.Engine.Tests.Architecture;

/// <summary>
/// Every hand-written C# and Razor line keeps to the 120 characters of .editorconfig's max_line_length, so diffs and
/// side-by-side reviews read without scrolling. Build output and the generated EF Core migrations are not looked at.
/// </summary>
public sealed class LineLengthTests
{
    private const int MaxLineLength = 120;

    private static readonly string[] Folders = ["engine", "designer", "tests"];

    private static readonly string[] Skipped = ["bin", "obj", "Migrations"];

    [Fact]
    public void No_cs_or_razor_line_under_engine_designer_or_tests_is_longer_than_120_characters()
    {
        var tooLong = Folders
            .SelectMany(folder => SourceFiles(Repository.PathOf(folder)))
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadLines(Repository.PathOf(f))
                .Select((line, i) => (File: f, Line: i + 1, Length: line.EnumerateRunes().Count())))
            .Where(l => l.Length > MaxLineLength)
            .Select(l => $"{l.File}:{l.Line} ({l.Length} characters)")
            .ToList();

        Assert.True(tooLong.Count == 0,
            $"{tooLong.Count} line(s) longer than {MaxLineLength} characters:\n{string.Join("\n", tooLong)}");
    }

    /// <summary>The .cs and .razor files at or below a folder, never walking into build output or migrations.</summary>
    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Concat(Directory.EnumerateDirectories(folder)
                .Where(d => !Skipped.Contains(Path.GetFileName(d), StringComparer.Ordinal))
                .SelectMany(SourceFiles));
}
