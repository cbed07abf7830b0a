import Testing
import LedeReport

@Suite("HTML and SVG writers: escaping, numbers, colours")
struct MarkupTests {
    @Test("markup characters become character references; other text stays as it is")
    func escape() {
        #expect(Markup.escape("a < b && c > \"d\" 'e'") == "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;")
        #expect(Markup.escape("Zürich — 東京 ✓") == "Zürich — 東京 ✓")
        #expect(Markup.escape("tab\tline\nreturn\r") == "tab\tline\nreturn\r")
    }

    @Test("control characters that HTML and XML forbid become U+FFFD")
    func controlCharacters() {
        #expect(Markup.escape("a\u{0}b\u{1B}c\u{7F}d\u{85}e") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e")
    }

    @Test("CSS strings escape what could end the string or the style element")
    func cssString() {
        #expect(Markup.cssString("plain") == "\"plain\"")
        #expect(Markup.cssString("say \"hi\" \\ </style>") == "\"say \\22 hi\\22  \\5C  \\3C /style\\3E \"")
        #expect(Markup.cssString("two\nlines") == "\"two\\A lines\"")
    }

    @Test("an element's attributes and text are escaped, and nil attributes left out")
    func writer() {
        var html = HTMLWriter()
        html.element("a", ["href": "#x\"y", "class": nil], text: "<b>")
        html.empty("meta", ["charset": "utf-8"])
        #expect(html.html == "<a href=\"#x&quot;y\">&lt;b&gt;</a><meta charset=\"utf-8\" />")
    }

    @Test("SVG numbers have at most two decimals and no negative zero", arguments: [
        (0.0, "0"), (-0.001, "0"), (12, "12"), (12.5, "12.5"), (-3.25, "-3.25"), (0.05, "0.05"), (1.999, "2"), (Double.nan, "0"),
        (-Double.infinity, "0"), (1234.567, "1234.57"),
    ])
    func numbers(value: Double, text: String) {
        #expect(SVGCanvas.number(value) == text)
    }

    @Test("SVG text is escaped, so a label cannot end the chart or add markup")
    func svgText() {
        var canvas = SVGCanvas(width: 10, height: 10)
        canvas.text("</svg><script>alert(1)</script>", x: 1, y: 2)
        let svg = canvas.svg(label: "a \"chart\"")
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;/svg&gt;&lt;script&gt;"))
        #expect(svg.contains("aria-label=\"a &quot;chart&quot;\""))
    }

    @Test("numbers read the same on every machine", arguments: [
        (0.83125, 4, "0.8313"), (-0.00001, 4, "0.0000"), (2.0, 0, "2"), (Double.nan, 2, "—"),
    ])
    func decimals(value: Double, places: Int, text: String) {
        #expect(NumberText.decimal(value, places) == text)
    }

    @Test("counts group their digits in threes")
    func counts() {
        #expect(NumberText.count(7) == "7")
        #expect(NumberText.count(1000) == "1\u{202F}000")
        #expect(NumberText.count(-1234567) == "-1\u{202F}234\u{202F}567")
    }

    @Test("ticks are round steps from zero past the largest value, labelled with the decimals they need")
    func ticks() {
        #expect(Ticks.upTo(268, target: 4) == [0, 100, 200, 300])
        let fifths = Ticks.upTo(0.9, target: 5)
        #expect(fifths.map { Ticks.label($0, step: Ticks.step(fifths)) } == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(Ticks.label(0.25, step: 0.25) == "0.25")
        #expect(Ticks.label(0.5, step: 0.25) == "0.50")
        #expect(Ticks.label(200, step: 100) == "200")
        #expect(Ticks.upTo(0).last == 1)
    }

    @Test("viridis runs from dark blue-purple to yellow; text on it is white on the dark end and black on the light")
    func palette() {
        #expect(Palette.viridis(0) == "#440154")
        #expect(Palette.viridis(1) == "#fde725")
        #expect(Palette.viridis(0.5) == "#21918c")
        #expect(Palette.viridis(-3) == "#440154" && Palette.viridis(.nan) == "#440154")
        #expect(Palette.text(on: Palette.viridis(0)) == "#ffffff")
        #expect(Palette.text(on: Palette.viridis(1)) == "#000000")
        #expect(Palette.text(on: "#ffffff") == "#000000")
    }
}
