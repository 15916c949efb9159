using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Engine.Tests.Runtime;

public sealed class FieldValidatorTests
{
    private static readonly ImmutableArray<FieldDefinition> Area =
    [
        new FieldDefinition
        {
            Name = "area_m2", Type = FieldType.Number, Min = 0,
            Label = new LocalizedText("Diện tích (m²)", "Area (m²)"),
        },
    ];

    [Theory]
    [InlineData("84,5", "84.5")]
    [InlineData("84.5", "84.5")]
    [InlineData(" 84,5 ", "84.5")]
    [InlineData("1234", "1234")]
    public void A_decimal_comma_or_point_both_mean_the_same_number(string typed, string stored)
    {
        var values = FieldValidator.Normalize(Area, ImmutableDictionary<string, string>.Empty.Add("area_m2", typed));

        Assert.Equal(stored, values["area_m2"]);
        Assert.Empty(FieldValidator.Validate(Area, values));
    }

    [Theory]
    [InlineData("1.234,5")]
    [InlineData("1,234.5")]
    [InlineData("1.234.567")]
    public void Thousands_separators_are_refused_with_how_to_write_the_number(string typed)
    {
        var values = FieldValidator.Normalize(Area, ImmutableDictionary<string, string>.Empty.Add("area_m2", typed));

        var refusal = Assert.Single(FieldValidator.Validate(Area, values));

        Assert.Equal(("field-invalid.number-format", "area_m2"), (refusal.Key, refusal.Field));
        Assert.Contains("1234,5", refusal.MessageIn(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")),
            StringComparison.Ordinal);
    }
}
