using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Templates;
using static OneStopWorkflow.Engine.Tests.Runtime.LandTransfer;

namespace OneStopWorkflow.Engine.Tests.Templates;

/// <summary>
/// A stored field value as each language writes it, with the land transfer's own fields: a yes/no, a choice with a
/// title per language, a date and a decimal.
/// </summary>
public sealed class FieldValueTextTests
{
    [Theory]
    [InlineData("tax_exempt", "true", "Có", "Yes")]
    [InlineData("tax_exempt", "false", "Không", "No")]
    [InlineData("applicant_kind", "individual", "Cá nhân, hộ gia đình", "Individual or household")]
    [InlineData("applicant_kind", "organisation", "Tổ chức", "Organisation")]
    [InlineData("contract_date", "2026-02-27", "27/02/2026", "27 February 2026")]
    [InlineData("area_m2", "84.5", "84,5", "84.5")]
    [InlineData("area_m2", "1234.5", "1.234,5", "1,234.5")]
    [InlineData("area_m2", "1000", "1.000", "1,000")]
    [InlineData("parcel_number", "215", "215", "215")]
    [InlineData("area_m2", "", "", "")]
    public void A_value_reads_in_each_language(string field, string stored, string vi, string en)
    {
        var text = FieldValueText.Of(Procedure.Fields.Single(f => f.Name == field), stored);

        Assert.Equal(new LocalizedText(vi, en), text);
    }

    [Fact]
    public void A_choice_without_a_title_reads_as_stored_in_both()
    {
        var field = new FieldDefinition
        {
            Name = "kind", Type = FieldType.Choice, Label = new("Loại", "Kind"), Choices = ["other"],
        };

        Assert.Equal(new LocalizedText("other", "other"), FieldValueText.Of(field, "other"));
    }
}
