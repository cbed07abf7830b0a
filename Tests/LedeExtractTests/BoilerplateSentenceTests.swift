import LedeExtract
import Testing

/// The boilerplate look of a sentence: furniture flagged, article sentences (even ones using the same
/// words) not.
@Suite struct BoilerplateSentenceTests {
    @Test(arguments: [
        "Skip to content", "Skip to main content", "Home | World | Sport", "Home › News › Politics",
        "Photo: Jane Doe/Reuters", "Image copyright Getty Images", "Image caption The harbour in 2019",
        "Photograph by Robyn Beck/AFP", "(Getty Images)", "Sign up for our newsletter",
        "Sign up to our daily briefing and get the news in your inbox.", "Subscribe to our newsletter",
        "Share this article", "Share on Facebook", "Read more", "READ MORE: Five things to know about the vote.",
        "Related: The storm that changed the coast", "Advertisement", "ADVERTISEMENT", "Continue reading",
        "We use cookies to improve your experience on our site.",
        "By continuing to use this site you agree to our use of cookies.", "© 2026 Example News. All rights reserved.",
        "Copyright 2015 The Conversation.", "Follow us on Twitter", "Click here to read the full report.",
        "Download our free app", "Stay up to date with the latest news", "Get our morning newsletter",
    ])
    func flagsFurniture(_ sentence: String) {
        #expect(BoilerplateSentence.looksLikeBoilerplate(Substring(sentence)))
        #expect(Self.fromBytes(sentence), "the byte-level entry point (its pre-test) must agree")
    }

    static func fromBytes(_ sentence: String) -> Bool {
        var copy = sentence
        return copy.withUTF8 { BoilerplateSentence.looksLikeBoilerplate(utf8: $0) }
    }

    @Test(arguments: [
        "Residents voted on Tuesday to spend £4.2m rebuilding the sea wall.",
        "More than 3,000 people signed the petition.", "Read the full response from the council.",
        "Photographers gathered outside the court on Monday.", "Image is everything in politics, she said.",
        "Sharing the cost was never discussed.", "Share prices fell 3% on Monday.",
        "He decided to sign up for the army at 17.", "Thousands subscribe to the service every month.",
        "\"Copyright education has always been important,\" she said.", "Home prices rose again in March.",
        "News of the deal broke on Friday.", "The advertisement ran for three weeks.",
        "Click, the magazine, closed in 2004.", "Follow-up tests showed no damage.", "Watch out for the ice.",
        "Related companies also saw gains.", "She said: \"Skip it.\"", "", "   ", "Menus were printed in 1950.",
        "—", "...", "| |", "Get", "Copyright",
    ])
    func passesArticleSentences(_ sentence: String) {
        #expect(!BoilerplateSentence.looksLikeBoilerplate(Substring(sentence)))
        #expect(!Self.fromBytes(sentence))
    }
}
