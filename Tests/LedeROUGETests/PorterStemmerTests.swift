import Testing
import LedeROUGE

/// Words and their stems by NLTK 3.10.4's `PorterStemmer()` (checked with NLTK), grouped by the step of
/// the algorithm or the NLTK extension each exercises.
@Suite("Porter stemmer (NLTK_EXTENSIONS)")
struct PorterStemmerTests {
    static let cases: [(word: String, stem: String)] = [
        // Step 1a: plurals (NLTK: a four-letter -ies word keeps -ie)
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "tie"), ("cats", "cat"), ("caress", "caress"),
        ("lies", "lie"), ("dies", "die"), ("bus", "bu"), ("this", "thi"), ("was", "wa"), ("does", "doe"),
        // Step 1b: -eed, -ed, -ing and the tidying after them (NLTK: -ied)
        ("feed", "feed"), ("agreed", "agre"), ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"),
        ("sing", "sing"), ("conflated", "conflat"), ("troubled", "troubl"), ("sized", "size"), ("hopping", "hop"),
        ("tanned", "tan"), ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"), ("failing", "fail"),
        ("filing", "file"), ("cried", "cri"), ("died", "die"), ("spied", "spi"), ("owed", "owe"), ("going", "go"),
        ("being", "be"), ("united", "unit"), ("abc123ing", "abc123"),
        // Step 1c: y → i after a consonant that is not the whole stem (NLTK)
        ("happy", "happi"), ("enjoy", "enjoy"), ("spy", "spi"), ("fly", "fli"), ("say", "say"),
        ("economy", "economi"), ("yyyy", "yyyi"), ("yay", "yay"),
        // Step 2 (NLTK: -bli, -alli first, -fulli, -logi)
        ("relational", "relat"), ("conditional", "condit"), ("rational", "ration"), ("valenci", "valenc"),
        ("hesitanci", "hesit"), ("digitizer", "digit"), ("sensibly", "sensibl"), ("possibly", "possibl"),
        ("radicalli", "radic"), ("differentli", "differ"), ("vileli", "vile"), ("analogousli", "analog"),
        ("vietnamization", "vietnam"), ("predication", "predic"), ("operator", "oper"), ("feudalism", "feudal"),
        ("decisiveness", "decis"), ("hopefulness", "hope"), ("callousness", "callous"), ("formaliti", "formal"),
        ("sensitiviti", "sensit"), ("sensibiliti", "sensibl"), ("gracefulli", "grace"), ("archaeologi", "archaeolog"),
        ("analogi", "analog"), ("dramatically", "dramat"), ("traditionally", "tradit"), ("generously", "gener"),
        // Step 3
        ("triplicate", "triplic"), ("formative", "form"), ("formalize", "formal"), ("electriciti", "electr"),
        ("electrical", "electr"), ("hopeful", "hope"), ("goodness", "good"),
        // Step 4
        ("revival", "reviv"), ("allowance", "allow"), ("inference", "infer"), ("airliner", "airlin"),
        ("gyroscopic", "gyroscop"), ("adjustable", "adjust"), ("defensible", "defens"), ("irritant", "irrit"),
        ("replacement", "replac"), ("adjustment", "adjust"), ("dependent", "depend"), ("adoption", "adopt"),
        ("homologou", "homolog"), ("communism", "commun"), ("activate", "activ"), ("angulariti", "angular"),
        ("homologous", "homolog"), ("effective", "effect"), ("bowdlerize", "bowdler"), ("government", "govern"),
        ("states", "state"), ("companies", "compani"),
        // Step 5: final e and double l
        ("probate", "probat"), ("rate", "rate"), ("cease", "ceas"), ("controll", "control"), ("roll", "roll"),
        ("generalization", "gener"), ("oscillators", "oscil"),
        // NLTK's irregular forms
        ("dying", "die"), ("lying", "lie"), ("tying", "tie"), ("news", "news"), ("innings", "inning"),
        ("inning", "inning"), ("outings", "outing"), ("outing", "outing"), ("cannings", "canning"),
        ("canning", "canning"), ("howe", "howe"), ("proceed", "proceed"), ("exceed", "exceed"),
        ("succeed", "succeed"), ("sky", "sky"), ("skies", "sky"),
        // Short words and digits
        ("as", "as"), ("is", "is"), ("by", "by"), ("1990s", "1990"),
    ]

    @Test(arguments: cases)
    func stemsAsNLTK(_ word: String, _ stem: String) {
        #expect(PorterStemmer().stem(word) == stem, "\(word)")
    }

    @Test func lowerCasesFirstAsNLTK() {
        #expect(PorterStemmer().stem("Running") == "run")
        #expect(PorterStemmer().stem("SKIES") == "sky")
        #expect(PorterStemmer().stem("NEWS") == "news")
    }

    @Test func handlesDegenerateWords() {
        #expect(PorterStemmer().stem("") == "")
        #expect(PorterStemmer().stem("y") == "y")
        #expect(PorterStemmer().stem("ies") == "i")
        #expect(PorterStemmer().stem(String(repeating: "y", count: 2_000)).count == 2_000)
    }
}
