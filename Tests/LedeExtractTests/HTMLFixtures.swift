import LedeExtract

/// Small pages for the extractor's tests.
enum HTMLFixtures {
    static let paragraphs = [
        "The council approved the new budget on Tuesday, after a debate that lasted well into the night.",
        "Members argued over the cost of the bridge repairs, which engineers say cannot wait another winter.",
        "The mayor said the city would borrow less than planned, and that taxes would not rise this year.",
    ]

    /// A news page: a head with metadata, a menu, the article among boilerplate, a footer.
    static func page(head: String = "", beforeArticle: String = "", insideArticle: String = "", afterArticle: String = "",
                     htmlAttributes: String = "") -> String {
        """
        <!DOCTYPE html>
        <html\(htmlAttributes)><head><title>Budget approved | City Herald</title>\(head)</head>
        <body>
        <nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
        \(beforeArticle)
        <article>
          <h1>Council approves the budget</h1>
          <div class="article-body">
            <p>\(paragraphs[0])</p>
            \(insideArticle)
            <p>\(paragraphs[1])</p>
            <p>\(paragraphs[2])</p>
          </div>
        </article>
        \(afterArticle)
        <footer><p>Copyright 2026 City Herald. All rights reserved.</p><a href="/about">About us</a></footer>
        </body></html>
        """
    }

    static func extract(_ html: String) -> ExtractedPage { HTMLExtractor().extract(Array(html.utf8)) }
}
