import Foundation
import LedeExtract
import Testing

/// The article's text and what the page says about itself, from small pages written for each rule.
@Suite struct HTMLExtractorTests {
    @Test func articleTextIsTheParagraphsWithoutHeadlineOrBoilerplate() {
        let page = HTMLFixtures.extract(HTMLFixtures.page())
        #expect(page.text == HTMLFixtures.paragraphs.joined(separator: "\n\n"))
    }

    @Test func whitespaceInsideAParagraphCollapses() {
        let page = HTMLFixtures.extract(HTMLFixtures.page(insideArticle: "<p>  Spread \n\t over   <b>several</b>\n lines, this paragraph still reads as one line of prose.  </p>"))
        #expect(page.text.contains("\n\nSpread over several lines, this paragraph still reads as one line of prose.\n\n"))
    }

    @Test func headlineFromOpenGraphTitle() {
        let page = HTMLFixtures.extract(HTMLFixtures.page(head: #"<meta property="og:title" content="Budget approved after long night">"#))
        #expect(page.title == "Budget approved after long night")
    }

    @Test func headlineFromH1WhenNoOpenGraph() {
        #expect(HTMLFixtures.extract(HTMLFixtures.page()).title == "Council approves the budget")
    }

    @Test func headlineFromTitleWithoutSiteName() {
        let html = "<html><head><title>Budget approved after a long night | City Herald</title></head><body><p>\(HTMLFixtures.paragraphs[0])</p></body></html>"
        #expect(HTMLFixtures.extract(html).title == "Budget approved after a long night")
        let before = "<html><head><title>City Herald - Budget approved after a long night</title></head><body></body></html>"
        #expect(HTMLFixtures.extract(before).title == "Budget approved after a long night")
        let named = #"<html><head><meta property="og:site_name" content="The Daily Example Herald"><title>Budget approved | The Daily Example Herald</title></head><body></body></html>"#
        #expect(HTMLFixtures.extract(named).title == "Budget approved")
    }

    @Test func dateFromPublishedTimeMeta() {
        let page = HTMLFixtures.extract(HTMLFixtures.page(head: #"<meta property="article:published_time" content="2026-11-30T08:15:00+01:00">"#))
        #expect(page.date == "2026-11-30T08:15:00+01:00")
    }

    @Test func dateFromJSONLD() {
        let head = #"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x","datePublished":"2026-11-29T10:00:00Z"}</script>"#
        #expect(HTMLFixtures.extract(HTMLFixtures.page(head: head)).date == "2026-11-29T10:00:00Z")
    }

    @Test func dateFromTimeElement() {
        let page = HTMLFixtures.extract(HTMLFixtures.page(beforeArticle: #"<p class="dateline"><time datetime="2026-11-28">28 November</time></p>"#))
        #expect(page.date == "2026-11-28")
    }

    @Test func publishedTimeWinsAndNonISODatesAreIgnored() {
        let head = #"<meta property="article:published_time" content="Monday"><script type="application/ld+json">{"datePublished":"2026-11-29"}</script>"#
        #expect(HTMLFixtures.extract(HTMLFixtures.page(head: head)).date == "2026-11-29")
        #expect(HTMLFixtures.extract(HTMLFixtures.page()).date == nil)
        let placeholder = #"<meta property="article:published_time" content="0001-01-01T00:00:00Z"><meta name="date" content="2026-11-27 09:30:00+0100">"#
        #expect(HTMLFixtures.extract(HTMLFixtures.page(head: placeholder)).date == "2026-11-27T09:30:00+01:00")
    }

    @Test func languageFromHTMLLang() {
        #expect(HTMLFixtures.extract(HTMLFixtures.page(htmlAttributes: #" lang="en-GB""#)).language == "en-GB")
        #expect(HTMLFixtures.extract(HTMLFixtures.page()).language == nil)
    }

    @Test func urlFromCanonicalLinkOrOpenGraph() {
        let canonical = #"<link rel="canonical" href="https://herald.example/budget"><meta property="og:url" content="https://herald.example/og">"#
        #expect(HTMLFixtures.extract(HTMLFixtures.page(head: canonical)).url == "https://herald.example/budget")
        let og = #"<meta property="og:url" content="https://herald.example/og">"#
        #expect(HTMLFixtures.extract(HTMLFixtures.page(head: og)).url == "https://herald.example/og")
        #expect(HTMLFixtures.extract(HTMLFixtures.page()).url == nil)
    }

    @Test func scriptsStylesTemplatesAndCommentsAreDropped() {
        let inside = """
        <script>var secret = "SCRIPTTEXT";</script><style>.x { content: "STYLETEXT" }</style>
        <noscript>NOSCRIPTTEXT please enable JavaScript to read this site properly, thank you.</noscript>
        <template><p>TEMPLATETEXT is a paragraph long enough to be prose, if it were shown.</p></template>
        <!-- COMMENTTEXT -->
        """
        let text = HTMLFixtures.extract(HTMLFixtures.page(insideArticle: inside)).text
        for marker in ["SCRIPTTEXT", "STYLETEXT", "NOSCRIPTTEXT", "TEMPLATETEXT", "COMMENTTEXT"] {
            #expect(!text.contains(marker), "\(marker) leaked")
        }
        #expect(text == HTMLFixtures.paragraphs.joined(separator: "\n\n"))
    }

    @Test func entitiesAreDecoded() {
        let inside = "<p>Tom &amp; Jerry&#8217;s caf&eacute; &mdash; &lt;open&gt; &quot;daily&quot;, with&nbsp;a long enough sentence to count.</p>"
        let text = HTMLFixtures.extract(HTMLFixtures.page(insideArticle: inside)).text
        #expect(text.contains("Tom & Jerry\u{2019}s caf\u{E9} \u{2014} <open> \"daily\", with a long enough sentence to count."))
    }

    @Test func captionsShareBarsRelatedCommentsAndNewsletterStayOut() {
        let inside = """
        <figure><img src="a.jpg"><figcaption>CAPTIONTEXT The bridge, photographed last winter by our staff photographer.</figcaption></figure>
        <div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a> <span>SHARETEXT Share this story with your friends today.</span></div>
        <div class="newsletter-signup"><p>NEWSLETTERTEXT Sign up for our morning newsletter, delivered to your inbox every day.</p></div>
        """
        let after = """
        <aside class="related-stories"><h2>Related</h2><ul>
        <li><a href="/a">RELATEDTEXT Bridge repairs to start in spring, engineers say</a></li>
        <li><a href="/b">Mayor defends borrowing plan in council debate</a></li></ul></aside>
        <section id="comments"><div class="comment"><p>COMMENTTEXT I think the council is wasting our money on this bridge, frankly.</p></div></section>
        <div class="cookie-banner"><p>COOKIETEXT We use cookies to improve your experience. By continuing you accept them.</p></div>
        """
        let text = HTMLFixtures.extract(HTMLFixtures.page(insideArticle: inside, afterArticle: after)).text
        for marker in ["CAPTIONTEXT", "SHARETEXT", "NEWSLETTERTEXT", "RELATEDTEXT", "COMMENTTEXT", "COOKIETEXT", "Copyright", "Home"] {
            #expect(!text.contains(marker), "\(marker) leaked")
        }
        #expect(text == HTMLFixtures.paragraphs.joined(separator: "\n\n"))
    }

    @Test func markedArticleBodyWins() {
        let html = """
        <html><body>
        <div class="promo-box"><p>Our customer service centre can be reached by telephone on weekdays, and by email at any time of day or night; we answer every message within two working days, and on Fridays we handle only deliveries.</p></div>
        <div itemprop="articleBody"><p>\(HTMLFixtures.paragraphs[0])</p><p>\(HTMLFixtures.paragraphs[1])</p></div>
        </body></html>
        """
        #expect(HTMLFixtures.extract(html).text == HTMLFixtures.paragraphs[0...1].joined(separator: "\n\n"))
    }

    @Test func jsonLDArticleBodyStandsInWhenTheMarkupGivesLittleAndItAgrees() {
        let opening = "The council approved the new budget on Tuesday, after a debate that lasted well into the night."
        let rest = String(repeating: "Engineers said the bridge repairs could not wait another winter, and the mayor agreed with them. ", count: 12)
        let body = opening + "\n\n" + rest.trimmingCharacters(in: .whitespaces)
        let escaped = body.replacingOccurrences(of: "\n", with: "\\n")
        let head = #"<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"\#(escaped)"}</script>"#
        let html = "<html><head>\(head)</head><body><div class=\"teaser\"><p>\(opening)</p></div></body></html>"
        #expect(HTMLFixtures.extract(html).text == body)
        // A body the page does not show is not trusted.
        let other = html.replacingOccurrences(of: "<p>\(opening)</p>", with: "<p>Something else entirely, said in one long sentence here.</p>")
        #expect(HTMLFixtures.extract(other).text == "Something else entirely, said in one long sentence here.")
    }

    @Test func textInOtherScriptsReadsAsProse() {
        let thai = String(repeating: "ภาษาไทยไม่มีเครื่องหมายจบประโยคเหมือนภาษาอังกฤษ ", count: 3).trimmingCharacters(in: .whitespaces)
        let hindi = "यह एक लंबा अनुच्छेद है जो गद्य के रूप में गिना जाना चाहिए। यह दूसरा वाक्य है।"
        let html = "<html><body><ul class=\"menu\"><li><a href=\"/\">หน้าแรก</a></li></ul><div><p>\(thai)</p><p>\(hindi)</p></div></body></html>"
        #expect(HTMLFixtures.extract(html).text == thai + "\n\n" + hindi)
    }

    @Test func lineBreaksSplitLines() {
        let html = "<html><body><div><p>First line of a poem, which is long enough to count.<br>Second line of the same poem, which is long too.</p></div></body></html>"
        #expect(HTMLFixtures.extract(html).text == "First line of a poem, which is long enough to count.\nSecond line of the same poem, which is long too.")
    }

    @Test func extractionIsTheSameFromBufferAndArray() {
        let bytes = Array(HTMLFixtures.page().utf8)
        let viaBuffer = bytes.withUnsafeBufferPointer { HTMLExtractor().extract($0) }
        #expect(viaBuffer == HTMLExtractor().extract(bytes))
    }
}
