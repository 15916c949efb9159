using System.Globalization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Templates;

namespace OneStopWorkflow.Engine.Tests.Templates;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("2025-07-07", "ngày 07 tháng 7 năm 2025")]
    [InlineData("2026-01-02", "ngày 02 tháng 01 năm 2026")]
    [InlineData("2026-02-28", "ngày 28 tháng 02 năm 2026")]
    [InlineData("2026-12-31", "ngày 31 tháng 12 năm 2026")]
    public void Dates_follow_decree_30_zero_padding(string date, string expected) =>
        Assert.Equal(expected, VietnameseText.Date(DateOnly.Parse(date, CultureInfo.InvariantCulture)));

    [Fact]
    public void Instants_read_hours_and_minutes_first()
    {
        var instant = DateTimeOffset.Parse("2026-03-12T09:05:00+07:00", CultureInfo.InvariantCulture);

        Assert.Equal("09 giờ 05 phút, ngày 12 tháng 3 năm 2026", VietnameseText.DateTime(instant));
    }

    [Theory]
    [InlineData(1250000, "1.250.000 đồng")]
    [InlineData(0, "0 đồng")]
    public void Money_uses_dots_between_thousands(decimal amount, string expected) =>
        Assert.Equal(expected, VietnameseText.Money(amount));

    [Fact]
    public void Durations_read_as_the_law_writes_them()
    {
        Assert.Equal("08 ngày làm việc", VietnameseText.WorkingDuration(WorkingDuration.Days(8)));
        Assert.Equal("0,5 ngày làm việc", VietnameseText.WorkingDuration(WorkingDuration.Days(0.5m)));
        Assert.Equal("04 giờ làm việc", VietnameseText.WorkingDuration(WorkingDuration.Hours(4)));
    }
}
