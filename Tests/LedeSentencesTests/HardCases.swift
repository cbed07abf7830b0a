// Hand-written hard cases for the sentence segmenter: each is a real difficulty, with the exact
// sentences expected. Written for this project; kept free of Testing so a scratch program can
// run the same table.

/// One text and the sentences it must split into.
struct HardCase: Sendable, CustomStringConvertible {
    let topic: String
    let text: String
    let sentences: [String]

    init(_ topic: String, _ text: String, _ sentences: [String]) {
        self.topic = topic
        self.text = text
        self.sentences = sentences
    }

    var description: String { "\(topic): \(text.debugDescription)" }
}

/// Abbreviations and titles.
let abbreviationCases: [HardCase] = [
    HardCase("titles before names", "Mr. Okoro met Dr. Lind at the clinic. They spoke briefly.",
             ["Mr. Okoro met Dr. Lind at the clinic.", "They spoke briefly."]),
    HardCase("more titles", "Prof. Hale and Mrs. Dunn left early. Nobody minded.",
             ["Prof. Hale and Mrs. Dunn left early.", "Nobody minded."]),
    HardCase("political titles", "Gen. Marsh briefed Sen. Cole and Rep. Ibarra. Gov. Tate did not attend.",
             ["Gen. Marsh briefed Sen. Cole and Rep. Ibarra.", "Gov. Tate did not attend."]),
    HardCase("St. as street at the end", "The parade passed along Mill St. The crowd was large.",
             ["The parade passed along Mill St.", "The crowd was large."]),
    HardCase("St. as saint before a name", "St. Albans won the cup. Its fans celebrated.",
             ["St. Albans won the cup.", "Its fans celebrated."]),
    HardCase("Inc. before a lower-case word", "Shares in Varno Inc. rose 3% on Friday. The company declined to comment.",
             ["Shares in Varno Inc. rose 3% on Friday.", "The company declined to comment."]),
    HardCase("Ltd. at the end of a sentence", "The contract went to Pellham Ltd. But the union objected.",
             ["The contract went to Pellham Ltd.", "But the union objected."]),
    HardCase("Corp. before a job title", "Dalton Corp. chairman Ray Hu stepped down. His deputy replaces him.",
             ["Dalton Corp. chairman Ray Hu stepped down.", "His deputy replaces him."]),
    HardCase("Co. inside a company name", "Birch & Co. Builders won the tender. Rivals appealed.",
             ["Birch & Co. Builders won the tender.", "Rivals appealed."]),
    HardCase("dotted country names mid-sentence", "Trade between the U.S. and the U.K. grew last year.",
             ["Trade between the U.S. and the U.K. grew last year."]),
    HardCase("U.S. at the end of a sentence", "She moved to the U.S. The job paid well.",
             ["She moved to the U.S.", "The job paid well."]),
    HardCase("U.N. opening a sentence", "U.N. inspectors left on Monday. They will return in May.",
             ["U.N. inspectors left on Monday.", "They will return in May."]),
    HardCase("e.g. before lower case", "Pack light, e.g. a coat and boots. Food is provided.",
             ["Pack light, e.g. a coat and boots.", "Food is provided."]),
    HardCase("i.e. before a capital", "Use the old key, i.e. The one with the red tag.",
             ["Use the old key, i.e. The one with the red tag."]),
    HardCase("etc. ending a sentence", "They sold books, maps, stamps, etc. The shop closed at six.",
             ["They sold books, maps, stamps, etc.", "The shop closed at six."]),
    HardCase("vs. between names", "It was Leeds vs. Hull in the final. Hull won.",
             ["It was Leeds vs. Hull in the final.", "Hull won."]),
    HardCase("No. before a number", "The family lives at No. 7 on the hill. It is a big house.",
             ["The family lives at No. 7 on the hill.", "It is a big house."]),
    HardCase("p. before page numbers", "See p. 42 for the figures. The chart is on p. 43.",
             ["See p. 42 for the figures.", "The chart is on p. 43."]),
    HardCase("month before a day", "The rule changed on Feb. 3 last year. Few people noticed.",
             ["The rule changed on Feb. 3 last year.", "Few people noticed."]),
    HardCase("month at the end", "Profits fell sharply in Oct. Then they recovered.",
             ["Profits fell sharply in Oct.", "Then they recovered."]),
    HardCase("weekday before a month", "The vote is on Tue. Nov. 8 in the town hall.",
             ["The vote is on Tue. Nov. 8 in the town hall."]),
    HardCase("p.m. at the end", "Polls closed at 10 p.m. Both parties claimed victory.",
             ["Polls closed at 10 p.m.", "Both parties claimed victory."]),
    HardCase("a.m. mid-sentence", "The office opens at 9 a.m. on weekdays.",
             ["The office opens at 9 a.m. on weekdays."]),
    HardCase("a time opening a sentence, then a title", "At 5 a.m. Mr. Smith went to the market. He bought bread.",
             ["At 5 a.m. Mr. Smith went to the market.", "He bought bread."]),
    HardCase("Ph.D. then a new sentence", "She earned a Ph.D. in physics. Then she taught for years.",
             ["She earned a Ph.D. in physics.", "Then she taught for years."]),
    HardCase("Jr. at the end of a name", "Sammy Davis Jr. sang at the gala. He was the star.",
             ["Sammy Davis Jr. sang at the gala.", "He was the star."]),
    HardCase("et al. at the end", "The study by Moreau et al. found no link. Critics disagreed.",
             ["The study by Moreau et al. found no link.", "Critics disagreed."]),
    HardCase("MS is an acronym, not Ms.", "The charity helps people with MS. Its shops raise money.",
             ["The charity helps people with MS.", "Its shops raise money."]),
    HardCase("FT is a newspaper, not Ft.", "The story ran in the FT. Its editor was pleased.",
             ["The story ran in the FT.", "Its editor was pleased."]),
    HardCase("weekday abbreviation spelled like a word", "He saw the sun. Sun. Moon. Stars.",
             ["He saw the sun.", "Sun.", "Moon.", "Stars."]),
]

/// Initials in names.
let initialCases: [HardCase] = [
    HardCase("two initials", "J. R. Hartley wrote a book about fishing. It became famous.",
             ["J. R. Hartley wrote a book about fishing.", "It became famous."]),
    HardCase("middle initial", "George W. Bush visited the plant. Workers cheered.",
             ["George W. Bush visited the plant.", "Workers cheered."]),
    HardCase("initials mid-sentence", "The novelist E. M. Forster lived in Cambridge.",
             ["The novelist E. M. Forster lived in Cambridge."]),
    HardCase("a letter ending a sentence", "The patients lacked vitamin D. The cause was diet.",
             ["The patients lacked vitamin D.", "The cause was diet."]),
    HardCase("initial before a surname", "The bill was signed by Lyndon B. Johnson in 1964.",
             ["The bill was signed by Lyndon B. Johnson in 1964."]),
    HardCase("initial before a quotation", "The award went to Clara K. \"She deserves it,\" said the judge.",
             ["The award went to Clara K.", "\"She deserves it,\" said the judge."]),
    HardCase("the pronoun I ending a sentence", "It was you and I. Did you see it?",
             ["It was you and I.", "Did you see it?"]),
    HardCase("initials I. M. after a lower-case word", "The architect I. M. Pei designed it.",
             ["The architect I. M. Pei designed it."]),
    HardCase("initials after a capital", "J. K. Rowling met George W. Bush. Nobody knew why.",
             ["J. K. Rowling met George W. Bush.", "Nobody knew why."]),
    HardCase("a letter inside quotes", "Her favourite film was \"Plan Z.\" Nobody else liked it.",
             ["Her favourite film was \"Plan Z.\"", "Nobody else liked it."]),
]

/// Decimals, amounts, times and numbers.
let numberCases: [HardCase] = [
    HardCase("percentage", "Inflation reached 3.5% in May. Food prices rose fastest.",
             ["Inflation reached 3.5% in May.", "Food prices rose fastest."]),
    HardCase("currency amounts", "The firm earned $1.2bn last year. Its rival made £0.9bn.",
             ["The firm earned $1.2bn last year.", "Its rival made £0.9bn."]),
    HardCase("times of day", "The train left at 10.30 am and arrived at 1.15 pm. It was late.",
             ["The train left at 10.30 am and arrived at 1.15 pm.", "It was late."]),
    HardCase("millions", "The town has 1.5m people. That is double the 1990 figure.",
             ["The town has 1.5m people.", "That is double the 1990 figure."]),
    HardCase("version numbers", "Version 2.0.1 fixed the fault. Users were relieved.",
             ["Version 2.0.1 fixed the fault.", "Users were relieved."]),
    HardCase("seconds", "She ran 100m in 10.92 seconds.", ["She ran 100m in 10.92 seconds."]),
    HardCase("a sentence starting with a year", "The score was 3-1 in 2004. 2005 was worse.",
             ["The score was 3-1 in 2004.", "2005 was worse."]),
    HardCase("numbered steps", "1. Preheat the oven. 2. Mix the flour and sugar.",
             ["1. Preheat the oven.", "2. Mix the flour and sugar."]),
    HardCase("N° before a number", "Call N°. 1026.253.553. Then wait.", ["Call N°. 1026.253.553.", "Then wait."]),
]

/// List items run together on one line.
let listCases: [HardCase] = [
    HardCase("numbered steps after a colon", "Steps: 1. Preheat the oven. 2. Mix the flour. 3. Bake it.",
             ["Steps: 1. Preheat the oven.", "2. Mix the flour.", "3. Bake it."]),
    HardCase("lettered items", "Options: a. Stay home. b. Go out.", ["Options: a. Stay home.", "b. Go out."]),
    HardCase("lettered items with brackets", "Choose one: a) Wait here. b) Leave now.",
             ["Choose one: a) Wait here.", "b) Leave now."]),
    HardCase("numbers with a full stop and a bracket", "Items: 2.) First thing. 3.) Second thing.",
             ["Items: 2.) First thing.", "3.) Second thing."]),
    HardCase("number after a bullet", "• 9. The last rule applies.", ["• 9. The last rule applies."]),
]

/// Ellipses.
let ellipsisCases: [HardCase] = [
    HardCase("dots before lower case", "I waited... and waited. Nobody came.",
             ["I waited... and waited.", "Nobody came."]),
    HardCase("ellipsis character before an opener", "The night was long… Then dawn broke.",
             ["The night was long…", "Then dawn broke."]),
    HardCase("ellipsis inside a title", "They watched Stop... Go Home Now on Friday.",
             ["They watched Stop... Go Home Now on Friday."]),
    HardCase("spaced dots", "\"It was odd . . . but fun,\" she said.",
             ["\"It was odd . . . but fun,\" she said."]),
    HardCase("spaced dots mid-sentence", "He paused . . . and then went on.", ["He paused . . . and then went on."]),
    HardCase("ellipsis before a quotation", "She hesitated... \"I can't,\" she whispered.",
             ["She hesitated...", "\"I can't,\" she whispered."]),
]

/// Marks inside closing quotes and brackets.
let quoteCases: [HardCase] = [
    HardCase("full stop inside quotes", "He said: \"We will win.\" The crowd cheered.",
             ["He said: \"We will win.\"", "The crowd cheered."]),
    HardCase("question then attribution", "\"Is it over?\" she asked. Nobody answered.",
             ["\"Is it over?\"", "she asked.", "Nobody answered."]),
    HardCase("exclamation inside a sentence", "She shouted \"Run!\" and we ran.",
             ["She shouted \"Run!\" and we ran."]),
    HardCase("quoted questions joined by or", "The referee asked 'is that a foul?' or 'was it fair?' before deciding.",
             ["The referee asked 'is that a foul?' or 'was it fair?' before deciding."]),
    HardCase("quoted full stop then a capital", "He called it \"a disgrace.\" And he left.",
             ["He called it \"a disgrace.\"", "And he left."]),
    HardCase("a sentence in brackets", "The rally was huge. (Police said 10,000 came.) Organisers were thrilled.",
             ["The rally was huge.", "(Police said 10,000 came.)", "Organisers were thrilled."]),
    HardCase("amount in brackets", "It costs less (about $5.50). Most buyers agree.",
             ["It costs less (about $5.50).", "Most buyers agree."]),
    HardCase("typographic double quotes", "She said: “We are ready.” Then the vote began.",
             ["She said: “We are ready.”", "Then the vote began."]),
    HardCase("typographic single quotes", "‘Who knows?’ he said. ‘Maybe tomorrow.’",
             ["‘Who knows?’", "he said.", "‘Maybe tomorrow.’"]),
    HardCase("quotation reopened without closing", "\"We tried. \"It did not work,\" he said.",
             ["\"We tried.", "\"It did not work,\" he said."]),
    HardCase("stray closing quote after a space", "It was the best year ever. \" Smith then left the stage.",
             ["It was the best year ever. \"", "Smith then left the stage."]),
    HardCase("quoted full stop then lower case", "'This is great.' she said. Then she left.",
             ["'This is great.' she said.", "Then she left."]),
    HardCase("quoted full stop then a verb of saying", "\"We won.\" said the coach. Fans cheered.",
             ["\"We won.\" said the coach.", "Fans cheered."]),
    HardCase("a citation after a quotation", "\"It is over\" (Smith 55). The next chapter starts.",
             ["\"It is over\" (Smith 55).", "The next chapter starts."]),
    HardCase("question in quotes then a capital", "He asked \"Why not?\" Nobody replied.",
             ["He asked \"Why not?\"", "Nobody replied."]),
    HardCase("title with a question mark", "The show Who Dares? is back. It airs at eight.",
             ["The show Who Dares? is back.", "It airs at eight."]),
    HardCase("title with an exclamation mark", "Fans of Hooray! will love it.", ["Fans of Hooray! will love it."]),
    HardCase("unquoted question then attribution", "Why? he asked. Because it rained.",
             ["Why?", "he asked.", "Because it rained."]),
    HardCase("apostrophe after a dotted abbreviation", "The U.S.'s debt grew. Markets shrugged.",
             ["The U.S.'s debt grew.", "Markets shrugged."]),
]

/// A full stop with no space after it.
let missingSpaceCases: [HardCase] = [
    HardCase("missing space before a capital", "The vote was close.She said it was fair.",
             ["The vote was close.", "She said it was fair."]),
    HardCase("missing space after a quote", "\"We are pleased,\" he said.\"The team played well.\"",
             ["\"We are pleased,\" he said.", "\"The team played well.\""]),
    HardCase("dotted acronym glued", "He visited the U.S.A last year.", ["He visited the U.S.A last year."]),
    HardCase("e.g. glued to a capital", "Use a pen, e.g.The blue one.", ["Use a pen, e.g.The blue one."]),
    HardCase("domain name", "Visit bbc.co.uk for details.", ["Visit bbc.co.uk for details."]),
    HardCase("company domain", "Shares in Amazon.com rose. Sales were strong.",
             ["Shares in Amazon.com rose.", "Sales were strong."]),
    HardCase("capitals on both sides", "The code runs on ASP.NET servers.", ["The code runs on ASP.NET servers."]),
    HardCase("year glued to a capital", "Prices rose in 2004.The trend continued.",
             ["Prices rose in 2004.", "The trend continued."]),
    HardCase("question glued to a capital", "Is it fair?Nobody knows.", ["Is it fair?", "Nobody knows."]),
    HardCase("address with capitals", "Read more at www.example.org/News.Html today.",
             ["Read more at www.example.org/News.Html today."]),
    HardCase("title glued to a name", "It had to be Mr.Benn in the end.", ["It had to be Mr.Benn in the end."]),
    HardCase("e-mail address", "Write to Jane.Doe@example.com for details. She will answer.",
             ["Write to Jane.Doe@example.com for details.", "She will answer."]),
]

/// Line and paragraph breaks, headlines, captions, lists.
let lineCases: [HardCase] = [
    HardCase("paragraphs without stops", "First paragraph without a stop\n\nSecond paragraph here",
             ["First paragraph without a stop", "Second paragraph here"]),
    HardCase("headline over a long paragraph",
             "Storm hits the coast\nThe storm brought winds of 100mph to the region on Sunday night, forcing hundreds of families to leave their homes.",
             ["Storm hits the coast",
              "The storm brought winds of 100mph to the region on Sunday night, forcing hundreds of families to leave their homes."]),
    HardCase("caption paragraph", "Rescue teams reach the village\n\nThey arrived at dawn.",
             ["Rescue teams reach the village", "They arrived at dawn."]),
    HardCase("hard-wrapped line, lower case next",
             "The council said it would review the plan before the end\nof the month and publish the results.",
             ["The council said it would review the plan before the end\nof the month and publish the results."]),
    HardCase("hard-wrapped line, capital next",
             "The committee met with officials from the Department of\nHealth to discuss the new rules for the coming year.",
             ["The committee met with officials from the Department of\nHealth to discuss the new rules for the coming year."]),
    HardCase("list items", "The plan includes:\n - more nurses\n - longer hours",
             ["The plan includes:", "- more nurses", "- longer hours"]),
    HardCase("line ending in a comma", "We bought apples,\nPears and plums.", ["We bought apples,\nPears and plums."]),
    HardCase("CR LF paragraphs", "Line one ends here.\r\n\r\nLine two follows.", ["Line one ends here.", "Line two follows."]),
    HardCase("no punctuation at all", "no punctuation at all in this text just words and more words",
             ["no punctuation at all in this text just words and more words"]),
    HardCase("blank line inside a quotation", "He said: \"We will\n\nwin.\"", ["He said: \"We will", "win.\""]),
    HardCase("blank line before a stray quote", "It was over.\n\n\" The end came.", ["It was over.", "\" The end came."]),
]

/// Runs of marks, other scripts, spaces.
let otherCases: [HardCase] = [
    HardCase("repeated marks", "Wow!! That was close!!! Let's go.", ["Wow!!", "That was close!!!", "Let's go."]),
    HardCase("question and exclamation", "Is it true?! Nobody believes it.", ["Is it true?!", "Nobody believes it."]),
    HardCase("ideographic full stops", "他来了。她走了。", ["他来了。", "她走了。"]),
    HardCase("brand with a small first letter", "The iPod sold well. iTunes did too.",
             ["The iPod sold well.", "iTunes did too."]),
    HardCase("note in brackets after a stop", "The rate fell. (see table 2)", ["The rate fell.", "(see table 2)"]),
    HardCase("accented capital", "He flew to Paris. Élodie met him there.", ["He flew to Paris.", "Élodie met him there."]),
    HardCase("no-break space after a stop", "It rained.\u{00A0}The match was off.", ["It rained.", "The match was off."]),
    HardCase("surrounding white space", "  Hello there.  General Kenobi.  ", ["Hello there.", "General Kenobi."]),
    HardCase("empty text", "", []),
    HardCase("only white space", "  \n\n \t ", []),
    HardCase("only marks", "...", ["..."]),
]

/// Every hand-written case.
let allHardCases: [HardCase] = abbreviationCases + initialCases + numberCases + listCases + ellipsisCases + quoteCases
    + missingSpaceCases + lineCases + otherCases
