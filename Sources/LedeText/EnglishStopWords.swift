// Lede's built-in English stop words, written for this project (not taken from another list).
// Function words grouped by kind; all lower case, apostrophes as ASCII "'" (the tokenizer writes them so).
extension StopWords {
    static let englishWords: [String] = [
        // articles and determiners
        "a", "an", "the", "this", "that", "these", "those", "each", "every", "either", "neither",
        "some", "any", "no", "none", "all", "both", "few", "many", "much", "more", "most", "less",
        "least", "several", "such", "other", "another", "own", "same", "enough",
        // pronouns
        "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your",
        "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers",
        "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves",
        "who", "whom", "whose", "which", "what", "whatever", "whoever", "whichever",
        "someone", "somebody", "something", "anyone", "anybody", "anything", "everyone",
        "everybody", "everything", "nobody", "nothing", "one", "ones",
        // auxiliary and modal verbs
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having",
        "do", "does", "did", "doing", "done", "can", "could", "may", "might", "must", "shall",
        "should", "will", "would", "ought",
        // contractions
        "i'm", "i've", "i'd", "i'll", "you're", "you've", "you'd", "you'll", "he'd", "he'll",
        "she'd", "she'll", "we're", "we've", "we'd", "we'll", "they're", "they've", "they'd",
        "they'll", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't",
        "doesn't", "don't", "didn't", "won't", "wouldn't", "can't", "cannot", "couldn't",
        "shouldn't", "mustn't", "mightn't", "shan't", "needn't", "that'll", "there'd",
        // prepositions
        "about", "above", "across", "after", "against", "along", "among", "around", "at",
        "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by",
        "despite", "down", "during", "except", "for", "from", "in", "inside", "into", "like",
        "near", "of", "off", "on", "onto", "out", "outside", "over", "past", "per", "since",
        "through", "throughout", "till", "to", "toward", "towards", "under", "underneath",
        "until", "unto", "up", "upon", "via", "with", "within", "without",
        // conjunctions
        "and", "but", "or", "nor", "so", "yet", "because", "although", "though", "while",
        "whereas", "unless", "whether", "if", "than", "as", "once",
        // adverbs of little content
        "not", "also", "just", "only", "very", "too", "quite", "rather", "even", "still",
        "already", "again", "ever", "never", "always", "often", "then", "there", "here",
        "where", "when", "why", "how", "now", "thus", "hence", "therefore", "however",
        "indeed", "else", "perhaps", "almost", "soon", "away", "back", "further", "yes",
        "wherever", "whenever", "somewhat", "somewhere", "anywhere", "everywhere", "nowhere",
    ]
}
