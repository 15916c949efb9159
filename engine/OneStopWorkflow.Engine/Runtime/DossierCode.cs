using System.Globalization;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// Dossier codes of Circular 01/2018: <c>&lt;unit code&gt;-&lt;YYMMDD&gt;-&lt;NNNN&gt;</c>, a per-unit daily
/// sequence.
/// </summary>
public static class DossierCode
{
    public static string Format(string unit, DateTimeOffset localReceipt, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        return string.Create(CultureInfo.InvariantCulture, $"{unit}-{localReceipt:yyMMdd}-{sequence:0000}");
    }
}
