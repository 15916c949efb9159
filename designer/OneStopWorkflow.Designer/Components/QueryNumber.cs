using System.Globalization;

namespace OneStopWorkflow.Designer.Components;

/// <summary>
/// A number a page reads from its address. Pages take the query as text and read it here, because a number
/// parameter that does not parse ("?ticket=x") makes Blazor throw, which ends the circuit (or the prerender with a
/// 500); an address anyone can type must never do that.
/// </summary>
internal static class QueryNumber
{
    /// <summary>A whole number from 1 in plain digits, else null (as if the address did not name one).</summary>
    public static long? Positive(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : null;
}
