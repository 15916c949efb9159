using System.Text;

namespace OneStopWorkflow.Hosting.Audit.Export;

/// <summary>Writes an audit table as CSV, one line per row as it is read, quoting values that need it.</summary>
internal static class CsvWriter
{
    /// <summary>Writes the header and the rows; returns the number of rows written, not counting the header.</summary>
    public static async Task<int> WriteAsync(Stream output, AuditTables table, CancellationToken cancellationToken)
    {
        // With a byte order mark, so that Excel reads the Vietnamese names as UTF-8.
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        await using var writer = new StreamWriter(output, encoding, leaveOpen: true);
        await writer.WriteLineAsync(Line(table.Header));
        var count = 0;
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Line(row));
            count++;
        }

        return count;
    }

    private static string Line(IReadOnlyList<string> row) => string.Join(",", row.Select(Value));

    private static string Value(string value) => value.IndexOfAny([',', '"', '\n']) >= 0
        ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : value;
}
