using Xunit;
namespace OneStopWorkflow.Testing;

/// <summary>
/// Compares output with a golden file. With OSW_UPDATE_GOLDEN=1 the file is rewritten instead, for review in
/// the diff. A mismatch names the file and the first differing line.
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("OSW_UPDATE_GOLDEN") == "1";

    public static void Match(string expectedFile, string actual)
    {
        actual = actual.ReplaceLineEndings("\n");
        if (Updating)
        {
            File.WriteAllText(expectedFile, actual);
            return;
        }

        Assert.True(File.Exists(expectedFile), $"Golden file {expectedFile} is missing; run with OSW_UPDATE_GOLDEN=1.");
        var expected = File.ReadAllText(expectedFile).ReplaceLineEndings("\n");
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < Math.Min(expectedLines.Length, actualLines.Length) && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        Assert.Fail($"{Path.GetFileName(Path.GetDirectoryName(expectedFile))}/{Path.GetFileName(expectedFile)} "
            + $"differs at line {line + 1}:\n"
            + $"  expected: {(line < expectedLines.Length ? expectedLines[line] : "<end of file>")}\n"
            + $"  actual:   {(line < actualLines.Length ? actualLines[line] : "<end of file>")}\n"
            + "Run with OSW_UPDATE_GOLDEN=1 to accept the new output, then review the diff.");
    }
}
