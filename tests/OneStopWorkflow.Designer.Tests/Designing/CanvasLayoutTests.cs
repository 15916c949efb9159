using System.Globalization;
using OneStopWorkflow.Designer.Designing;

namespace OneStopWorkflow.Designer.Tests.Designing;

/// <summary>The canvas layout of every sample procedure in both languages: nothing overlaps, nothing is crossed.
/// </summary>
public sealed class CanvasLayoutTests
{
    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(
                     Repository.PathOf("procedures"), "procedure.json", SearchOption.AllDirectories)
                     .Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(Repository.PathOf("procedures"), file).Replace('\\', '/');
            data.Add(name, "vi");
            data.Add(name, "en");
        }

        return data;
    }

    private static CanvasScene SceneOf(string file, string language)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        var draft = DraftDocument.Parse(File.ReadAllText(Repository.PathOf("procedures", file)), out var error);
        Assert.Null(error);
        return CanvasScene.Of(draft!, names: null);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void No_two_boxes_or_labels_overlap(string file, string language)
    {
        var placement = CanvasLayout.Place(SceneOf(file, language).Graph);

        var all = placement.Boxes.Select(b => ("step " + b.Key, b.Value))
            .Concat(placement.Labels.Select(l => ("label " + l.Key, l.Value))).ToList();
        Assert.NotEmpty(placement.Boxes);
        for (var i = 0; i < all.Count; i++)
        {
            for (var j = i + 1; j < all.Count; j++)
            {
                Assert.False(all[i].Value.Intersects(all[j].Value), $"{all[i].Item1} overlaps {all[j].Item1}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Links_run_around_the_boxes_they_do_not_join(string file, string language)
    {
        var scene = SceneOf(file, language);
        var placement = CanvasLayout.Place(scene.Graph);

        foreach (var link in scene.Links)
        {
            var route = placement.Routes[link.Key];
            var (from, to) = (placement.Boxes[link.From], placement.Boxes[link.To]);
            var points = new[] { CanvasLayout.Side(from, route.LeavesRight) }.Concat(route.Points)
                .Append(CanvasLayout.Side(to, !route.EntersLeft)).ToList();
            foreach (var (id, box) in placement.Boxes.Where(b => b.Key != link.From && b.Key != link.To))
            {
                for (var i = 0; i + 1 < points.Count; i++)
                {
                    Assert.False(Crosses(points[i], points[i + 1], box), $"{link.Key} crosses {id}");
                }
            }
        }
    }

    [Fact]
    public void A_link_to_a_missing_step_ends_at_a_question_mark_card()
    {
        var scene = SceneOf("land-use-transfer/v1/procedure.json", "vi");
        var draft = DraftDocument.Parse(File.ReadAllText(
            Repository.PathOf("procedures", "land-use-transfer", "v1", "procedure.json")), out _)!;
        draft.AddAction("land-review", "skip", "nowhere");

        scene = CanvasScene.Of(draft, names: null);
        var placement = CanvasLayout.Place(scene.Graph);

        var card = Assert.Single(scene.Cards, c => c.Shape == StepShape.Missing);
        Assert.Equal("?nowhere", card.Id);
        Assert.Contains(scene.Links, l => l.ToMissing && l.To == "?nowhere" && l.From == "land-review");
        Assert.True(placement.Boxes.ContainsKey("?nowhere"));
    }

    [Fact]
    public void A_dragged_step_stays_where_it_was_put_and_its_links_go_straight()
    {
        var scene = SceneOf("land-use-transfer/v1/procedure.json", "vi");
        var placement = CanvasLayout.Place(scene.Graph);

        var pinned = CanvasLayout.Pin(placement, scene.Graph,
            new Dictionary<string, CanvasPoint> { ["sign-off"] = new(2000, 900) });

        Assert.Equal((2000, 900), (pinned.Boxes["sign-off"].X, pinned.Boxes["sign-off"].Y));
        Assert.Empty(pinned.Routes["update-certificate/action/0"].Points);
        Assert.Equal(placement.Routes["intake/action/0"], pinned.Routes["intake/action/0"]);
    }

    [Fact]
    public void Cards_show_words_not_codes()
    {
        var scene = SceneOf("land-use-transfer/v1/procedure.json", "en");

        var review = scene.Cards.Single(c => c.Id == "land-review");
        Assert.Equal("Check conditions and send to tax", review.Title);
        Assert.Equal("4 d", review.Badge);
        Assert.Equal(StepShape.WaitRestart, scene.Cards.Single(c => c.Id == "await-review-supplement").Shape);
        Assert.Equal(StepShape.EndRefused, scene.Cards.Single(c => c.Id == "refused").Shape);
        Assert.Equal("Send to the tax authority", scene.Links.Single(l => l.Key == "land-review/action/0").Label!.Text);
    }

    /// <summary>Whether the segment from a to b passes through the inside of the box.</summary>
    private static bool Crosses(CanvasPoint a, CanvasPoint b, CanvasRect box)
    {
        var inner = box with { X = box.X + 1, Y = box.Y + 1, Width = box.Width - 2, Height = box.Height - 2 };
        for (var t = 0.0; t <= 1.0; t += 1.0 / 200)
        {
            var (x, y) = (a.X + ((b.X - a.X) * t), a.Y + ((b.Y - a.Y) * t));
            if (x > inner.X && x < inner.Right && y > inner.Y && y < inner.Bottom)
            {
                return true;
            }
        }

        return false;
    }
}
