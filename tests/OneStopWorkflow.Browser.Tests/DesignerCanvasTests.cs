using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// Issue 18, point 1: every sample procedure's canvas is legible in Chromium at 1440 and 1280 px. No two steps'
/// boxes meet, every title fits in its box, no two link labels meet, and fit-to-screen shows every step inside the
/// canvas. Screenshots go to tests/artifacts/designer (canvas-*.png are kept in git).
/// </summary>
[Collection(Chromium.Collection)]
public sealed class DesignerCanvasTests(RunningApp app) : IClassFixture<RunningApp>, IAsyncDisposable
{
    private readonly AppBrowser _browser = new(app, "designer");

    public ValueTask DisposeAsync() => _browser.DisposeAsync();

    /// <summary>Every procedure version in procedures/, as code and version number.</summary>
    public static TheoryData<string, int> Procedures()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.GetFiles(Repository.PathOf("procedures"), "procedure.json",
                     SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var version = Path.GetFileName(Path.GetDirectoryName(file)!);
            var code = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file))!);
            data.Add(code, int.Parse(version[1..], System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Procedures))]
    public async Task Issue_18_every_sample_canvas_is_legible_at_desktop_widths(string code, int version)
    {
        var steps = StepCount(code, version);
        foreach (var width in new[] { 1440, 1280 })
        {
            var page = await _browser.SignInAsync("policy", width);
            await _browser.OpenAsync(page, $"/designer/{code}/{version}");
            await Assertions.Expect(page.Locator(".step-card")).ToHaveCountAsync(steps);
            await page.ClickAsync("#canvas-fit");
            await page.WaitForTimeoutAsync(300);

            var canvas = (await page.Locator("#procedure-canvas").BoundingBoxAsync())!;
            var cards = await BoxesAsync(page.Locator(".step-card"));
            var labels = await BoxesAsync(page.Locator(".link-label"));
            var where = $"{code} v{version} at {width} px";
            AssertApart(cards, "step", where);
            AssertApart(labels, "label", where);
            Assert.All(cards, c => Assert.True(Inside(c.Box, canvas, 1), $"{where}: {c.Name} is outside the canvas"));
            foreach (var fit in await FitsAsync(page))
            {
                Assert.True(fit.Fits, $"{where}: the title of {fit.Step} overflows its box ({fit.Detail})");
            }

            await page.Locator(".canvas-toolbar").ScrollIntoViewIfNeededAsync();
            await page.Locator("#procedure-canvas").ScreenshotAsync(new LocatorScreenshotOptions
            {
                Path = Path.Combine(Chromium.ArtifactsFolder("designer"), $"canvas-{code}-v{version}-{width}.png"),
            });
            // At full size, for people to read the cards (not kept in git).
            await page.ClickAsync("#canvas-actual");
            await page.Locator("#procedure-canvas").ScreenshotAsync(new LocatorScreenshotOptions
            {
                Path = Path.Combine(Chromium.ArtifactsFolder("designer"), $"actual-{code}-v{version}-{width}.png"),
            });
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Issue_18_a_new_step_appears_linked_next_to_the_selected_one_and_a_broken_link_goes_red()
    {
        var page = await _browser.SignInAsync("policy", 1440);
        await _browser.OpenAsync(page, "/designer/birth-registration/2");
        await page.ClickAsync("#new-draft");
        await page.WaitForURLAsync(url => url.EndsWith("/designer/birth-registration/3", StringComparison.Ordinal));
        await AppBrowser.WaitInteractiveAsync(page);
        // The address changes before the draft's editor replaces the published version's read-only one: a click on
        // the old canvas selects nothing on the new (the full run, on a busy machine, once lost it so).
        await Assertions.Expect(page.Locator("#add-step")).ToBeVisibleAsync();

        await page.ClickAsync(".step-card[data-step=register]");
        await Assertions.Expect(page.Locator("#step-properties")).ToHaveAttributeAsync("data-step", "register");
        await page.ClickAsync("#add-step");
        var added = page.Locator(".step-card[data-step=new-step]");
        await Assertions.Expect(added).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#step-properties")).ToHaveAttributeAsync("data-step", "new-step");
        // Linked in place: "Trình ký" of the selected step now leads to the new one, which goes on with "Hoàn thành".
        await Assertions.Expect(page.Locator(".link-label", new() { HasText = "Hoàn thành" })).ToHaveCountAsync(1);
        var canvas = (await page.Locator("#procedure-canvas").BoundingBoxAsync())!;
        Assert.True(Inside((await added.BoundingBoxAsync())!, canvas, 1), "the new step is out of view");

        // The pickers offer only steps that exist; an expert's step JSON can still name one that does not.
        await page.ClickAsync("#step-properties details summary");
        var step = JsonNode.Parse(await page.InputValueAsync("#prop-json"))!.AsObject();
        step["actions"]!.AsArray().Add(new JsonObject { ["id"] = "skip", ["to"] = "nowhere",
            ["title"] = new JsonObject { ["vi"] = "Bỏ qua", ["en"] = "Skip" } });
        await page.FillAsync("#prop-json", step.ToJsonString());
        await page.PressAsync("#prop-json", "Tab");
        await Assertions.Expect(page.Locator(".step-card.shape-missing")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("g.diagram-link[data-link-id^='missing:']")).ToHaveCountAsync(1);
        var broken = page.Locator(".step-card.has-problems[data-step=new-step]");
        await Assertions.Expect(broken).ToHaveAttributeAsync("title", new Regex("nowhere"));
        await ShotAsync(page, "canvas-editing-vi");

        // The wheel scrolls the page and leaves the zoom; Ctrl + wheel zooms the canvas and leaves the page.
        var zoom = await page.TextContentAsync("#canvas-zoom");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        canvas = (await page.Locator("#procedure-canvas").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(canvas.X + 40, canvas.Y + 40);
        await page.Mouse.WheelAsync(0, 300);
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(zoom, await page.TextContentAsync("#canvas-zoom"));
        var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");
        Assert.True(scrolled > 0, "the wheel did not scroll the page");
        canvas = (await page.Locator("#procedure-canvas").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(canvas.X + 60, canvas.Y + (canvas.Height / 2));
        await page.Keyboard.DownAsync("Control");
        await page.Mouse.WheelAsync(0, -200);
        await page.Keyboard.UpAsync("Control");
        await Assertions.Expect(page.Locator("#canvas-zoom")).Not.ToHaveTextAsync(zoom!);
        Assert.Equal(scrolled, await page.EvaluateAsync<double>("() => window.scrollY"));

        // A dragged step stays where it was put, also after the page is opened again.
        await page.ClickAsync("#canvas-fit");
        var node = page.Locator(".diagram-node:has(.step-card[data-step=intake])");
        var before = await node.GetAttributeAsync("style");
        var card = (await page.Locator(".step-card[data-step=intake]").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(card.X + 20, card.Y + 8);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(card.X + 60, card.Y + 70, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(node).Not.ToHaveAttributeAsync("style", before!);
        await page.WaitForTimeoutAsync(500);
        var moved = await node.GetAttributeAsync("style");
        await _browser.OpenAsync(page, "/designer/birth-registration/3");
        await Assertions.Expect(node).ToHaveAttributeAsync("style", moved!);

        await page.GotoAsync(_browser.Url("/culture/en?returnUrl=/designer/birth-registration/3"));
        await AppBrowser.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".step-card[data-step=register] .step-card-kind")).ToHaveTextAsync("Task");
        await ShotAsync(page, "canvas-editing-en");
        await page.Context.CloseAsync();

        var phone = await _browser.SignInAsync("policy", 390);
        await _browser.OpenAsync(phone, "/designer/birth-registration/3");
        await Assertions.Expect(phone.Locator(".step-card")).ToHaveCountAsync(9);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 391"),
            "the editor page scrolls sideways on a phone");
        await phone.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Chromium.ArtifactsFolder("designer"), "canvas-phone-390.png"),
        });
    }

    [Fact]
    public async Task Issue_18_a_handed_up_case_shows_its_path_on_the_graph_of_its_version()
    {
        var page = await _browser.SignInAsync("officer.city", 1440);
        await _browser.OpenAsync(page, "/cases/HP.HONGAN-260302-0001");
        var graph = page.Locator("#case-graph");
        await Assertions.Expect(graph.Locator(".step-card")).ToHaveCountAsync(StepCount("land-use-transfer", 1));
        // It went through intake, review (handed up to the city) and the tax, and ended with the result returned.
        foreach (var step in new[] { "intake", "land-review", "tax-obligation", "sign-off", "resolved" })
        {
            await Assertions.Expect(graph.Locator($".step-card.trail-visited[data-step={step}]")).ToHaveCountAsync(1);
        }

        await Assertions.Expect(graph.Locator(".step-card.trail-visited[data-step=refused]")).ToHaveCountAsync(0);
        await Assertions.Expect(graph.Locator(".link-label.trail-taken", new() { HasText = "Chuyển cơ quan thuế" }))
            .ToHaveCountAsync(1);
        await Assertions.Expect(graph.Locator(".step-card[data-step=land-review]")).ToContainTextAsync("Đã ở");
        Assert.Equal(0, await graph.Locator(".step-port").CountAsync());
        await page.Locator("#case-graph").ScrollIntoViewIfNeededAsync();
        await graph.ScreenshotAsync(new LocatorScreenshotOptions
        {
            Path = Path.Combine(Chromium.ArtifactsFolder("designer"), "canvas-case-handed-up-path.png"),
        });
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.Locator("#procedure-canvas").ScreenshotAsync(new LocatorScreenshotOptions
        {
            Path = Path.Combine(Chromium.ArtifactsFolder("designer"), $"{name}.png"),
        });

    private static int StepCount(string code, int version)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(
            Repository.PathOf("procedures", code, $"v{version}", "procedure.json")));
        return json.RootElement.GetProperty("steps").GetArrayLength();
    }

    private static async Task<List<(string Name, LocatorBoundingBoxResult Box)>> BoxesAsync(ILocator locator)
    {
        var boxes = new List<(string, LocatorBoundingBoxResult)>();
        for (var i = 0; i < await locator.CountAsync(); i++)
        {
            var item = locator.Nth(i);
            var name = await item.GetAttributeAsync("data-step") ?? await item.TextContentAsync() ?? $"#{i}";
            boxes.Add((name, (await item.BoundingBoxAsync())!));
        }

        return boxes;
    }

    private static void AssertApart(List<(string Name, LocatorBoundingBoxResult Box)> boxes, string what, string where)
    {
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i].Box, boxes[j].Box);
                var meet = a.X + 0.5 < b.X + b.Width && b.X + 0.5 < a.X + a.Width
                    && a.Y + 0.5 < b.Y + b.Height && b.Y + 0.5 < a.Y + a.Height;
                Assert.False(meet, $"{where}: {what} «{boxes[i].Name}» overlaps «{boxes[j].Name}»");
            }
        }
    }

    private static bool Inside(LocatorBoundingBoxResult inner, LocatorBoundingBoxResult outer, double slack) =>
        inner.X >= outer.X - slack && inner.Y >= outer.Y - slack
        && inner.X + inner.Width <= outer.X + outer.Width + slack
        && inner.Y + inner.Height <= outer.Y + outer.Height + slack;

    /// <summary>
    /// For each card: its title neither scrolls sideways nor spills (the text's own box lies in the card), and the
    /// card's content does not run past its bottom.
    /// </summary>
    private static async Task<IReadOnlyList<(string Step, bool Fits, string Detail)>> FitsAsync(IPage page)
    {
        var rows = await page.Locator(".step-card").EvaluateAllAsync<JsonElement>("""
            cards => cards.map(card => {
              const title = card.querySelector('.step-card-title');
              const range = document.createRange();
              range.selectNodeContents(title);
              const text = range.getBoundingClientRect();
              const box = card.getBoundingClientRect();
              const fits = title.scrollWidth <= title.clientWidth && card.scrollHeight <= card.clientHeight
                && text.left >= box.left - 0.5 && text.right <= box.right + 0.5
                && text.top >= box.top - 0.5 && text.bottom <= box.bottom + 0.5;
              return { step: card.dataset.step, fits,
                detail: `title ${title.scrollWidth}/${title.clientWidth}, `
                  + `card ${card.scrollHeight}/${card.clientHeight}` };
            })
            """);
        return [.. rows.EnumerateArray().Select(r => (
            r.GetProperty("step").GetString()!, r.GetProperty("fits").GetBoolean(),
            r.GetProperty("detail").GetString()!))];
    }
}
