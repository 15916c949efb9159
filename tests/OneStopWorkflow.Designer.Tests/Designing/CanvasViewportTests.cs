using OneStopWorkflow.Designer.Designing;

namespace OneStopWorkflow.Designer.Tests.Designing;

public sealed class CanvasViewportTests
{
    [Theory]
    [InlineData(2400, 900, 1380, 640)]
    [InlineData(300, 200, 1380, 640)]
    [InlineData(2400, 900, 350, 600)]
    public void Fit_shows_the_whole_box_in_the_middle_and_never_enlarges(
        double width, double height, double viewWidth, double viewHeight)
    {
        var bounds = new CanvasRect(24, 24, width, height);

        var view = CanvasViewport.Fit(bounds, viewWidth, viewHeight);

        Assert.True(view.Zoom <= 1);
        if (view.Zoom > CanvasViewport.Minimum)
        {
            Assert.True(view.Shows(bounds, viewWidth, viewHeight));
        }

        var middle = (bounds.Center.X * view.Zoom) + view.Pan.X;
        Assert.Equal(viewWidth / 2, middle, 6);
    }

    [Fact]
    public void Zooming_keeps_the_point_under_the_pointer_where_it_is()
    {
        var view = new CanvasViewport(0.6, new CanvasPoint(-40, 15));
        var screen = new CanvasPoint(300, 200);
        var under = new CanvasPoint((screen.X - view.Pan.X) / view.Zoom, (screen.Y - view.Pan.Y) / view.Zoom);

        var zoomed = view.ZoomedAround(1.25, screen);

        Assert.Equal(0.75, zoomed.Zoom, 6);
        Assert.Equal(screen.X, (under.X * zoomed.Zoom) + zoomed.Pan.X, 6);
        Assert.Equal(screen.Y, (under.Y * zoomed.Zoom) + zoomed.Pan.Y, 6);
    }
}
